/**
 * Turns an argument problem into the Excel error a cell shows. Inside Excel the global
 * `CustomFunctions.Error` carries our message to the cell's tooltip; elsewhere (tests, the preview) an
 * equivalent object with the same `code` and `message` is thrown.
 */
export type ExcelErrorCode = '#VALUE!' | '#NUM!';

export class CellError extends Error {
  constructor(
    readonly code: ExcelErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CellError';
  }
}

function toCustomFunctionsError(error: CellError): CustomFunctions.Error | CellError {
  if (typeof CustomFunctions !== 'undefined' && typeof CustomFunctions.Error === 'function') {
    const code =
      error.code === '#NUM!' ? CustomFunctions.ErrorCode.invalidNumber : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, error.message);
  }
  return error;
}

/**
 * What escapes a cell function when its body throws: our CellError as the Excel error it describes,
 * anything else (a bug) as #VALUE! with its message, never a crashed recalculation. Every function is
 * `try { return checked(body) } catch (e) { throw excelError(e) }`: no closure per call, which
 * matters for CE_CREDITS, called once per row of a sheet.
 */
export function excelError(e: unknown): CustomFunctions.Error | CellError {
  if (e instanceof CellError) return toCustomFunctionsError(e);
  return toCustomFunctionsError(
    new CellError('#VALUE!', `CE Ledger could not compute this: ${e instanceof Error ? e.message : String(e)}`),
  );
}

/** A finite number or text passes; NaN or ±Infinity becomes #NUM!. */
export function checked<T extends number | string>(result: T): T {
  if (typeof result === 'number' && !Number.isFinite(result))
    throw new CellError('#NUM!', 'CE Ledger computed a number out of range');
  return result;
}

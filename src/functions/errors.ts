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
    const code = error.code === '#NUM!' ? CustomFunctions.ErrorCode.invalidNumber : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, error.message);
  }
  return error;
}

/**
 * Runs a function body so that nothing but a finite number, text or an Excel error escapes: a bug
 * surfaces as #VALUE! with a message instead of a crashed recalculation.
 */
export function guard<T extends number | string>(body: () => T): T {
  let result: T;
  try {
    result = body();
  } catch (e) {
    if (e instanceof CellError) throw toCustomFunctionsError(e);
    throw toCustomFunctionsError(new CellError('#VALUE!', `CE Ledger could not compute this: ${e instanceof Error ? e.message : String(e)}`));
  }
  if (typeof result === 'number' && !Number.isFinite(result)) {
    throw toCustomFunctionsError(new CellError('#NUM!', 'CE Ledger computed a number out of range'));
  }
  return result;
}

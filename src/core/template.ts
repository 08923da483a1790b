/**
 * Fills the placeholders in program texts: `{deadline}`, `{through}`, `{fee:late}` and the like. Program
 * files keep their wording; the engine supplies the figures.
 */
import type { Fee } from './schema';

export function formatMoney(amount: number): string {
  return Number.isInteger(amount) ? `$${amount}` : `$${amount.toFixed(2)}`;
}

export function describeFee(fee: Fee): string {
  return fee.amount === null ? fee.label.toLowerCase() : formatMoney(fee.amount);
}

export function fillTemplate(
  template: string,
  values: Readonly<Record<string, string | undefined>>,
  fees: readonly Fee[],
): string {
  return template.replace(/\{(fee:)?([A-Za-z0-9-]+)\}/g, (whole, isFee: string | undefined, name: string) => {
    if (isFee) {
      const fee = fees.find((f) => f.id === name);
      return fee ? describeFee(fee) : whole;
    }
    return values[name] ?? whole;
  });
}

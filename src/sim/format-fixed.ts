/**
 * `{:.N}` of a float, as core::fmt prints it: the exact decimal value of the double (not JS's
 * `toFixed`, which refuses N > 100 and switches to exponent notation from 1e21), rounded to N digits, a tie
 * (an exact value halfway between two results) to the even one, as `format!("{:.1}", 0.25)` gives "0.2".
 * `inf`, `-inf` and `NaN` as Rust spells them; a negative zero keeps its sign ("-0.00").
 */

/** `x` with exactly `precision` digits after the point. */
export function fixedDecimal(x: number, precision: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const [mantissa, exponent] = decompose(Math.abs(x));
  let digits: bigint;
  if (exponent >= 0) digits = (mantissa << BigInt(exponent)) * 10n ** BigInt(precision);
  else {
    // |x| = mantissa / 2^k = mantissa * 5^k / 10^k: an integer with k decimal places.
    const k = -exponent;
    const scaled = mantissa * 5n ** BigInt(k);
    if (precision >= k) digits = scaled * 10n ** BigInt(precision - k);
    else {
      const unit = 10n ** BigInt(k - precision);
      digits = scaled / unit;
      const rest = scaled % unit;
      const twice = rest * 2n;
      if (twice > unit || (twice === unit && digits % 2n === 1n)) digits += 1n;
    }
  }
  if (precision === 0) return sign + digits.toString();
  const s = digits.toString().padStart(precision + 1, '0');
  return `${sign}${s.slice(0, s.length - precision)}.${s.slice(s.length - precision)}`;
}

/** A finite, non-negative double as `mantissa * 2^exponent`, the mantissa an integer. */
function decompose(x: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  if (biased === 0) return [fraction, -1074];
  return [fraction | (1n << 52n), biased - 1075];
}

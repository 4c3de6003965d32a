// A field message with values for its placeholders: "i18n:key|{json}". The edge translates it
// (translateFieldMessage in platform/http/problem.ts), so a refusal can say the limit it broke.
export function messageWith(key: string, values: Record<string, string | number>): string {
  return `i18n:${key}|${JSON.stringify(values)}`;
}

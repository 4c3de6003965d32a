// The one layout of every e-mail: a plain-text part and a simple, accessible HTML part, both
// in the recipient's language. Values are escaped; nothing is loaded from elsewhere.
import type { Locale } from "../i18n/locales.ts";

export interface EmailContent {
  subject: string;
  /** Opening line, e.g. "Hola, Ana:". */
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Why the person gets this mail. */
  footer: string;
  /**
   * One-click unsubscribe (RFC 8058): `oneClickUrl` is where the mail client POSTs
   * "List-Unsubscribe=One-Click" (the API: no cookies, no CSRF token), sent as List-Unsubscribe
   * headers; `url` is the page the link in the message opens (it asks before doing it).
   */
  unsubscribe?: { label: string; url: string; oneClickUrl: string };
  /** Several items (a digest): each a line with an optional link. */
  items?: { text: string; url?: string }[];
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);

export function renderEmail(locale: Locale, content: EmailContent): RenderedEmail {
  const text = [
    content.greeting,
    "",
    ...content.paragraphs.flatMap((p) => [p, ""]),
    ...(content.items?.length ? [...content.items.map((i) => `- ${i.text}${i.url ? `\n  ${i.url}` : ""}`), ""] : []),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ""] : []),
    "—",
    content.footer,
    ...(content.unsubscribe ? [`${content.unsubscribe.label}: ${content.unsubscribe.url}`] : []),
  ].join("\n");
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(content.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f2f6f5;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1a1f24;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">
<p style="margin:0 0 16px;font-weight:700;color:#0b5c57;font-size:20px">Pares</p>
<p>${escape(content.greeting)}</p>
${content.paragraphs.map((p) => `<p>${escape(p)}</p>`).join("\n")}
${content.items?.length ? `<ul>${content.items.map((i) => `<li>${i.url ? `<a href="${escape(i.url)}" style="color:#0b5c57">${escape(i.text)}</a>` : escape(i.text)}</li>`).join("")}</ul>` : ""}
${content.action ? `<p><a href="${escape(content.action.url)}" style="display:inline-block;background:#0b5c57;color:#ffffff;padding:10px 16px;border-radius:4px;text-decoration:none;font-weight:600">${escape(content.action.label)}</a></p>\n<p style="font-size:14px;color:#4a545e">${escape(content.action.url)}</p>` : ""}
<hr style="border:none;border-top:1px solid #d5dbe0;margin:24px 0 12px">
<p style="font-size:14px;color:#4a545e">${escape(content.footer)}</p>
${content.unsubscribe ? `<p style="font-size:14px"><a href="${escape(content.unsubscribe.url)}" style="color:#0b5c57">${escape(content.unsubscribe.label)}</a></p>` : ""}
</div></body></html>`;
  const headers = content.unsubscribe ? { "List-Unsubscribe": `<${content.unsubscribe.oneClickUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } : undefined;
  return { subject: content.subject, text, html, ...(headers && { headers }) };
}

// QR codes drawn on the server as one SVG path, so pages show them without scripts, images from
// elsewhere or inline styles (see app/components/qr-code.tsx).
import QRCode from "qrcode";
import type { QrCodeShape } from "./components/qr-code.tsx";

const quietZone = 4;

export function qrCodeOf(text: string): QrCodeShape {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  let path = "";
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) {
      if (modules.get(y, x)) path += `M${x + quietZone} ${y + quietZone}h1v1h-1z`;
    }
  }
  return { size: modules.size + 2 * quietZone, path };
}

export interface QrCodeShape {
  /** Modules per side, with the four-module quiet zone around the code. */
  size: number;
  /** SVG path data drawing the dark modules. */
  path: string;
}

/** A QR code (from qrCodeOf() on the server) as an image with a text alternative. */
export function QrCode({ code, label }: { code: QrCodeShape; label: string }) {
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${code.size} ${code.size}`} width="224" height="224" shapeRendering="crispEdges">
      <rect width={code.size} height={code.size} fill="#fff" />
      <path d={code.path} fill="#000" />
    </svg>
  );
}

// Reads one rendered line with the real tesseract pool and prints the text: run by ocr-offline.test.ts inside a
// network namespace with no network at all, and with every Node network entry point trapped.
import net from 'node:net';
import sharp from 'sharp';
import { TesseractPool } from '../../src/ocr/tesseract-pool.js';

const attempts: string[] = [];
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
  attempts.push(JSON.stringify(args[0]));
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
const originalFetch = globalThis.fetch;
globalThis.fetch = ((input: unknown, init?: unknown) => {
  attempts.push(String(input));
  return originalFetch(input as string, init as RequestInit);
}) as typeof fetch;

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1400" height="160"><rect width="100%" height="100%" fill="white"/>
<text x="40" y="100" font-family="DejaVu Serif" font-size="48">Họ và tên: Nguyễn Thị Hường</text></svg>`;
const png = await sharp(Buffer.from(svg)).png().toBuffer();
const pool = new TesseractPool({ workers: 1 });
const page = await pool.recognize(png, { width: 1400, height: 160 });
await pool.close();
process.stdout.write(JSON.stringify({ text: page.lines.map((l) => l.text).join('\n'), attempts }));

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { EDITIONS } from './print-editions.js';

// Every letter with a stacked diacritic (ầ ở ễ ự …) must be a glyph of the font itself: a font without them
// makes the renderer compose or substitute marks, and the page no longer shows what the truth says.
const VIETNAMESE_STACKED = 'ầẩẫậắằẳẵặềểễệốồổỗộớờởỡợứừửữựỳỷỹỵĐđƠơƯư';
const codepoints = [...VIETNAMESE_STACKED].map((c) => c.codePointAt(0)!.toString(16)).join(' ');

describe('print editions', () => {
  const fonts = [...new Set(EDITIONS.flatMap((e) => [e.labelFont, e.entryFont]))];
  it.each(fonts)('%s has every Vietnamese letter', (font) => {
    const families = execFileSync('fc-list', [`${font}:charset=${codepoints}`, 'family'], { encoding: 'utf8' });
    expect(families, `${font} lacks Vietnamese glyphs (apt-get install fonts-freefont-ttf fonts-dejavu-core)`).toContain(font);
  });
});

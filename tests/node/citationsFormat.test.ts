import { describe, expect, it } from 'vitest';
import { newId } from '../../common/ids';
import { sanitizeCitationHtml } from '../../main/citations/sanitizeCitationHtml';
import { appWithKb } from './support/builders';
import { buildArticle, buildBook, cite } from './support/sourceBuilders';

async function setup() {
  const app = await appWithKb();
  const book = await app.call('sources.create', { csl: buildBook() });
  const article = await app.call('sources.create', { csl: buildArticle() });
  return { app, book, article };
}

/** Visible text of an HTML string (tags dropped, the entities citeproc uses decoded). */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&#60;|&lt;/g, '<')
    .replace(/&#62;|&gt;/g, '>')
    .replace(/&#38;|&amp;/g, '&');
}

describe('citations.format', () => {
  it('uses Chicago notes by default: the first note in full, later ones short', async () => {
    const { app, book, article } = await setup();
    expect(await app.call('kbSettings.get', {})).toEqual({ citationStyle: 'chicago-fullnote-bibliography', locale: 'en-US' });
    const out = await app.call('citations.format', {
      footnotes: [[cite(book.id, { locator: '45' })], [cite(article.id, { locator: '480' })], [cite(book.id, { locator: '47' })]],
    });
    expect(out.footnotes).toEqual([
      'Chester A. Crocker, Fen Osler Hampson, and Pamela Aall, <i>Taming Intractable Conflicts</i> (Washington, DC: United States Institute of Peace Press, 2004), 45.',
      'Ken Menkhaus, “Piracy off the Horn of Africa,” <i>International Affairs</i> 85, no. 3 (2009): 480.',
      'Crocker, Hampson, and Aall, <i>Taming Intractable Conflicts</i>, 47.',
    ]);
    expect(out.bibliography?.map(text)).toEqual([
      'Crocker, Chester A., Fen Osler Hampson, and Pamela Aall. Taming Intractable Conflicts. Washington, DC: United States Institute of Peace Press, 2004.',
      'Menkhaus, Ken. “Piracy off the Horn of Africa.” International Affairs 85, no. 3 (2009): 471–89.',
    ]);
  });

  it('gives the short form, then “Ibid.” with the page, in Chicago with Ibid.; prefix, suffix and labels are kept', async () => {
    const { app, book, article } = await setup();
    const out = await app.call('citations.format', {
      style: 'chicago-fullnote-bibliography-with-ibid',
      footnotes: [
        [cite(book.id, { locator: '45' })],
        [cite(book.id, { locator: '47' })],
        [cite(article.id)],
        [cite(book.id, { locator: '3', label: 'chapter', prefix: 'see', suffix: 'for the argument' })],
        [],
      ],
    });
    expect(out.footnotes.map(text)).toEqual([
      'Chester A. Crocker, Fen Osler Hampson, and Pamela Aall, Taming Intractable Conflicts (Washington, DC: United States Institute of Peace Press, 2004), 45.',
      'Ibid., 47.',
      'Ken Menkhaus, “Piracy off the Horn of Africa,” International Affairs 85, no. 3 (2009): 471–89.',
      'see Crocker, Hampson, and Aall, Taming Intractable Conflicts, chap. 3 for the argument.',
      '',
    ]);
  });

  it('gives the in-text form and a bibliography in APA', async () => {
    const { app, book, article } = await setup();
    const out = await app.call('citations.format', {
      style: 'apa',
      footnotes: [[cite(book.id, { locator: '45' })], [cite(article.id), cite(book.id)]],
    });
    expect(out.footnotes).toEqual(['(Crocker et al., 2004, p. 45)', '(Crocker et al., 2004; Menkhaus, 2009)']);
    expect(out.bibliography?.map(text)).toEqual([
      'Crocker, C. A., Hampson, F. O., & Aall, P. (2004). Taming Intractable Conflicts. United States Institute of Peace Press.',
      'Menkhaus, K. (2009). Piracy off the Horn of Africa. International Affairs, 85(3), 471–489.',
    ]);
  });

  it('formats International Affairs footnotes and has no bibliography', async () => {
    const { app, book, article } = await setup();
    await app.call('kbSettings.set', { citationStyle: 'international-affairs' });
    const out = await app.call('citations.format', { footnotes: [[cite(book.id, { locator: '45' })], [cite(article.id)]] });
    expect(out.bibliography).toBeNull();
    expect(text(out.footnotes[0] ?? '')).toBe(
      'Chester A. Crocker, Fen Osler Hampson, and Pamela Aall, Taming Intractable Conflicts (Washington, DC: United States Institute of Peace Press, 2004), p. 45.',
    );
    expect(text(out.footnotes[1] ?? '')).toContain('Ken Menkhaus, ‘Piracy off the Horn of Africa’, International Affairs 85: 3, 2009, pp. 471–489.');
  });

  it('shows a new title after the source is edited', async () => {
    const { app, book } = await setup();
    const footnotes = [[cite(book.id)]];
    expect(text((await app.call('citations.format', { footnotes })).footnotes[0] ?? '')).toContain('Taming Intractable Conflicts');
    await app.call('sources.update', { id: book.id, csl: buildBook({ title: 'Grasping the Nettle' }) });
    expect(text((await app.call('citations.format', { footnotes })).footnotes[0] ?? '')).toContain('Grasping the Nettle');
  });

  it('renders hostile record text inert', async () => {
    const app = await appWithKb();
    const hostile = await app.call('sources.create', {
      csl: buildBook({ title: 'Power <img src=x onerror=alert(1)> and <script>alert(2)</script>', publisher: '<a href="javascript:alert(3)">Press</a>' }),
    });
    for (const style of ['chicago-fullnote-bibliography', 'apa', 'international-affairs']) {
      const out = await app.call('citations.format', { style, footnotes: [[cite(hostile.id, { prefix: '<b onclick="x()">see</b>' })]] });
      for (const html of [...out.footnotes, ...(out.bibliography ?? [])]) {
        expect(html).not.toMatch(/<(img|script|a)\b/i);
        expect(html).not.toMatch(/<[^>]*\son\w+=/i);
      }
      // Shown as text (APA's in-text form has no title, so look in the bibliography too).
      expect(text([...out.footnotes, ...(out.bibliography ?? [])].join(' '))).toMatch(/<img src=x onerror=alert\(1\)>/i);
    }
  });

  it('marks a citation of a source that is not in the knowledge base', async () => {
    const { app, book } = await setup();
    const out = await app.call('citations.format', { footnotes: [[cite(newId())], [cite(book.id), cite(newId())]] });
    expect(out.footnotes[0]).toBe('[source not in this knowledge base]');
    expect(out.footnotes[1]).toMatch(/^Chester A\. Crocker, .*2004\)\.; \[source not in this knowledge base\]$/);
  });

  it('refuses an unknown style with a message saying where ids come from', async () => {
    const { app, book } = await setup();
    const answer = await app.send('citations.format', { style: 'chicago-18th-imaginary', footnotes: [[cite(book.id)]] });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('styles.list') } });
    const setting = await app.send('kbSettings.set', { citationStyle: 'nope' });
    expect(setting).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('no citation style with id “nope”') } });
    const locale = await app.send('kbSettings.set', { locale: 'xx-XX' });
    expect(locale).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('en-GB') } });
  });

  it('keeps the style and locale in the file', async () => {
    const { app } = await setup();
    expect(await app.call('kbSettings.set', { citationStyle: 'apa', locale: 'en-GB' })).toEqual({ citationStyle: 'apa', locale: 'en-GB' });
    await app.call('kb.close', {});
    await app.call('kb.open', { path: app.path });
    expect(await app.call('kbSettings.get', {})).toEqual({ citationStyle: 'apa', locale: 'en-GB' });
  });
});

describe('styles.list', () => {
  it('lists the bundled styles and which have a bibliography', async () => {
    const app = await appWithKb();
    const styles = await app.call('styles.list', {});
    expect(styles.length).toBeGreaterThan(2000);
    expect(styles.find((s) => s.id === 'chicago-note-bibliography')).toEqual({
      id: 'chicago-note-bibliography',
      title: 'Chicago Manual of Style 17th edition (note)',
      hasBibliography: true,
    });
    expect(styles.find((s) => s.id === 'international-affairs')).toMatchObject({ hasBibliography: false });
    expect(styles.find((s) => s.id === 'apa')).toMatchObject({ hasBibliography: true });
  });
});

describe('sanitizeCitationHtml', () => {
  it('keeps formatting tags and drops everything else', () => {
    expect(sanitizeCitationHtml('<i>A</i> <b>B</b> <span style="font-variant:small-caps;">C</span> <sup>1</sup>')).toBe(
      '<i>A</i> <b>B</b> <span style="font-variant:small-caps">C</span> <sup>1</sup>',
    );
    expect(sanitizeCitationHtml('<img src=x onerror=alert(1)><a href="javascript:x">t</a><span style="background:url(x)" onclick="y">s</span>')).toBe(
      '&lt;img src=x onerror=alert(1)&gt;t<span>s</span>',
    );
    expect(sanitizeCitationHtml('<i>open & < close')).toBe('<i>open &amp; &lt; close</i>');
    expect(sanitizeCitationHtml('Report \u202Egnp.exe')).toBe('Report gnp.exe');
    expect(sanitizeCitationHtml('<div class="csl-left-margin">1. </div><div class="csl-right-inline">Text</div>')).toBe(
      '<span class="csl-left-margin">1. </span><span class="csl-right-inline">Text</span>',
    );
  });
});

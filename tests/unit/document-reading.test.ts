/**
 * The readers of .docx and .odt (issue 22), on small documents written here part by part: heading
 * styles in French and English, outline levels, the numbers Word and LibreOffice display, merged
 * cells and header rows, wording kept to the character; and the refusals, each in French, each
 * leaving the folder as it was.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import type { Paragraph, SourceDocument, Table } from '../../scripts/document-import/blocks.ts';
import { DocumentReadError, readSource, readSourceBytes } from '../../scripts/document-import/source.ts';
import { writeZip } from '../../scripts/office/zip.ts';
import { tempDir } from '../temp-dir.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A .docx of the given parts, with the packaging Word writes (so that LibreOffice opens it too). */
function docx(parts: { document: string; styles?: string; numbering?: string; title?: string }): Buffer {
  const rels = [
    parts.styles
      ? '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
      : '',
    parts.numbering
      ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
      : '',
  ].join('');
  const part = (name: string, type: string) =>
    `<Override PartName="/${name}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${type}+xml"/>`;
  return writeZip([
    {
      name: '[Content_Types].xml',
      data:
        `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        `${part('word/document.xml', 'document.main')}${parts.styles ? part('word/styles.xml', 'styles') : ''}${parts.numbering ? part('word/numbering.xml', 'numbering') : ''}` +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data:
        `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
    },
    {
      name: 'word/_rels/document.xml.rels',
      data: `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
    },
    { name: 'word/document.xml', data: `${XML}<w:document ${W}><w:body>${parts.document}</w:body></w:document>` },
    ...(parts.styles ? [{ name: 'word/styles.xml', data: `${XML}<w:styles ${W}>${parts.styles}</w:styles>` }] : []),
    ...(parts.numbering ? [{ name: 'word/numbering.xml', data: `${XML}<w:numbering ${W}>${parts.numbering}</w:numbering>` }] : []),
    {
      name: 'docProps/core.xml',
      data:
        `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
        `${parts.title ? `<dc:title>${parts.title}</dc:title>` : ''}</cp:coreProperties>`,
    },
  ]);
}

/** A paragraph: its style, its numbering, its runs' XML. */
const p = (runs: string, options: { style?: string; num?: [number, number]; outline?: number } = {}) =>
  `<w:p><w:pPr>${options.style ? `<w:pStyle w:val="${options.style}"/>` : ''}` +
  `${options.num ? `<w:numPr><w:ilvl w:val="${options.num[1]}"/><w:numId w:val="${options.num[0]}"/></w:numPr>` : ''}` +
  `${options.outline !== undefined ? `<w:outlineLvl w:val="${options.outline}"/>` : ''}</w:pPr>${runs}</w:p>`;
const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const style = (id: string, name: string, more = '') =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/>${more}</w:style>`;
const lvl = (ilvl: number, format: string, text: string, more = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${more}</w:lvl>`;
const tc = (content: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${p(r(content))}</w:tc>`;

const STYLES =
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
  style('Titre', 'Title', '<w:basedOn w:val="Normal"/>') +
  style('Titre1', 'heading 1', '<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr>') +
  style('Heading2', 'heading 2', '<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr>') +
  style('Heading3', 'heading 3', '<w:basedOn w:val="Normal"/>') +
  style('AxePlan', 'Axe du plan', '<w:basedOn w:val="Titre1"/>') +
  style('ListParagraph', 'List Paragraph', '<w:basedOn w:val="Normal"/>') +
  style('Soustitre2', 'Sous-titre 2', '<w:basedOn w:val="Normal"/>');

const NUMBERING =
  `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.')}${lvl(1, 'decimal', '%1.%2.')}${lvl(2, 'lowerLetter', '%3)')}</w:abstractNum>` +
  `<w:abstractNum w:abstractNumId="1">${lvl(0, 'bullet', '\uf0b7')}</w:abstractNum>` +
  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>' +
  '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>' +
  '<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>';

const TABLE =
  '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>' +
  `<w:tr><w:trPr><w:tblHeader/></w:trPr>${tc('Axe')}${tc('N°')}${tc('Action')}</w:tr>` +
  `<w:tr>${tc('Axe 1 : Recruter', '<w:vMerge w:val="restart"/>')}${tc('1')}${tc('Ouvrir les postes')}</w:tr>` +
  `<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>${tc('2')}${tc('Former les jurys')}</w:tr>` +
  `<w:tr>${tc('Axe 2 : Maintenir')}${tc('Sans numéro', '<w:gridSpan w:val="2"/>')}</w:tr>` +
  '</w:tbl>';

const BODY = [
  p(r('Plan d’action handicap'), { style: 'Titre' }),
  p(r('Axe 1 : Recruter'), { style: 'Titre1' }),
  p(r('Objectif 1.1'), { style: 'Heading2' }),
  p(r('Sous-titre'), { style: 'Heading3' }),
  p(r('Axe perso'), { style: 'AxePlan' }),
  p(r('Niveau par paragraphe'), { outline: 1 }),
  p(r('Pas un titre'), { style: 'Soustitre2' }),
  p(r('Premier'), { style: 'ListParagraph', num: [1, 0] }),
  p(r('Sous-action'), { num: [1, 1] }),
  p(r('Lettre'), { num: [1, 2] }),
  p(r('Texte entre deux')),
  p(r('Suite de la liste'), { num: [2, 0] }),
  p(r('Nouvelle liste'), { num: [3, 0] }),
  p(r('Puce'), { num: [4, 0] }),
  p(
    r('«\u00a0Mettre en ') +
      r('œuvre\u00a0» l’accueil') +
      '<w:r><w:tab/></w:r>' +
      '<w:del w:id="1"><w:r><w:delText>supprimé </w:delText></w:r></w:del>' +
      '<w:ins w:id="2"><w:r><w:t xml:space="preserve"> inséré</w:t></w:r></w:ins>' +
      '<w:r><w:br/><w:t>ligne</w:t><w:noBreakHyphen/><w:t xml:space="preserve">2 page </w:t><w:t> sans espaces gardés </w:t></w:r>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
      r('3') +
      '<w:r><w:fldChar w:fldCharType="end"/></w:r>' +
      '<w:hyperlink><w:r><w:t xml:space="preserve"> lien</w:t></w:r></w:hyperlink>' +
      '<w:r><w:drawing><wp:inline xmlns:wp="x"><w:txbxContent>' +
      p(r('dans la zone')) +
      '</w:txbxContent></wp:inline></w:drawing></w:r>',
  ),
  `<w:sdt><w:sdtPr/><w:sdtContent>${p(r('Dans un contrôle de contenu'))}</w:sdtContent></w:sdt>`,
  TABLE,
  p(r('Après le tableau')),
].join('');

const paragraphs = (d: SourceDocument) => d.blocks.filter((b): b is Paragraph => b.kind === 'paragraph');
const byText = (d: SourceDocument, text: string) => paragraphs(d).find((b) => b.text === text) ?? assert.fail(`no paragraph "${text}"`);

test('docx: heading styles in French and English, outline levels, style names as Word shows them', () => {
  const d = readSourceBytes('plan.docx', docx({ document: BODY, styles: STYLES, numbering: NUMBERING, title: 'Plan 2025-2027' }));
  assert.equal(d.format, 'docx');
  assert.equal(d.title, 'Plan 2025-2027');
  assert.deepEqual(byText(d, 'Plan d’action handicap'), { kind: 'paragraph', index: 1, text: 'Plan d’action handicap', style: 'Title' });
  assert.deepEqual(
    ['Axe 1 : Recruter', 'Objectif 1.1', 'Sous-titre', 'Axe perso', 'Niveau par paragraphe', 'Pas un titre', 'Texte entre deux'].map(
      (t) => [byText(d, t).style, byText(d, t).headingLevel],
    ),
    [
      ['Titre 1', 1],
      ['Heading 2', 2],
      ['Heading 3', 3],
      ['Axe du plan', 1],
      ['Normal', 2],
      ['Sous-titre 2', undefined],
      ['Normal', undefined],
    ],
  );
});

test('docx: the numbers Word displays, continued and restarted lists, bullets', () => {
  const d = readSourceBytes('plan.docx', docx({ document: BODY, styles: STYLES, numbering: NUMBERING }));
  const labelled = paragraphs(d)
    .filter((b) => b.label !== undefined)
    .map((b) => [b.label, b.listLevel, b.text, b.bullet ?? false]);
  assert.deepEqual(labelled, [
    ['1.', 0, 'Premier', false],
    ['1.1.', 1, 'Sous-action', false],
    ['a)', 2, 'Lettre', false],
    ['2.', 0, 'Suite de la liste', false],
    ['1.', 0, 'Nouvelle liste', false],
    ['•', 0, 'Puce', true],
  ]);
});

test('docx: wording kept to the character, deletions and field codes dropped, text boxes noted', () => {
  const d = readSourceBytes('plan.docx', docx({ document: BODY, styles: STYLES, numbering: NUMBERING }));
  const text = paragraphs(d)[14]!;
  assert.equal(text.index, 15);
  assert.equal(text.text, '«\u00a0Mettre en œuvre\u00a0» l’accueil\t inséré\nligne\u20112 page sans espaces gardés3 lien');
  assert.equal(byText(d, 'Dans un contrôle de contenu').index, 16);
  assert.deepEqual(d.notes, [
    '1 zone de texte laissée de côté : son texte n’est pas lu ; s’il fait partie du plan, copiez-le dans le corps du document.',
  ]);
});

/** A table's rows as a reader sees them: header or not, each cell's text, carried or spanning. */
const shownRows = (table: Table) =>
  table.rows.map((row) => [
    row.header ?? false,
    ...row.cells.map((c) => `${c.text}${c.carried ? ' (reporté)' : ''}${c.span ? ` ×${c.span}` : ''}`),
  ]);
/** The table both the .docx and the .odt of these tests hold. */
const SAME_TABLE = [
  [true, 'Axe', 'N°', 'Action'],
  [false, 'Axe 1 : Recruter', '1', 'Ouvrir les postes'],
  [false, 'Axe 1 : Recruter (reporté)', '2', 'Former les jurys'],
  [false, 'Axe 2 : Maintenir', 'Sans numéro ×2'],
];

test('docx: a table with its header row, a merged first column carried down, a spanning cell', () => {
  const d = readSourceBytes('plan.docx', docx({ document: BODY, styles: STYLES, numbering: NUMBERING }));
  const table = d.blocks.find((b): b is Table => b.kind === 'table')!;
  assert.equal(table.index, 1);
  assert.equal(table.after, 16);
  assert.deepEqual(shownRows(table), SAME_TABLE);
  assert.deepEqual(table.rows[2]!.cells[1]!.paragraphs[0]!.cell, { table: 1, row: 3, column: 2 });
  assert.equal(byText(d, 'Après le tableau').index, 17);
});

test('docx: numbering inherited from heading styles, legal numbering below a roman level', () => {
  const styles =
    style('Titre1', 'heading 1', '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr>') +
    style('Titre2', 'heading 2', '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr>');
  const numbering =
    `<w:abstractNum w:abstractNumId="0">${lvl(0, 'upperRoman', 'Axe %1 –', '<w:pStyle w:val="Titre1"/>')}${lvl(1, 'decimal', '%1.%2', '<w:pStyle w:val="Titre2"/><w:isLgl/>')}</w:abstractNum>` +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';
  const d = readSourceBytes(
    'plan.docx',
    docx({
      document: [
        p(r('Un'), { style: 'Titre1' }),
        p(r('Un-un'), { style: 'Titre2' }),
        p(r('Deux'), { style: 'Titre1' }),
        p(r('Deux-un'), { style: 'Titre2' }),
      ].join(''),
      styles,
      numbering,
    }),
  );
  assert.deepEqual(
    paragraphs(d).map((b) => [b.label, b.headingLevel]),
    [
      ['Axe I –', 1],
      ['1.1', 2],
      ['Axe II –', 1],
      ['2.1', 2],
    ],
  );
});

// ---------------------------------------------------------------------------------------------
// .odt

const ODT_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"';

function odt(body: string, options: { styles?: string; automatic?: string; title?: string } = {}): Buffer {
  return writeZip([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', store: true },
    {
      name: 'META-INF/manifest.xml',
      data:
        `${XML}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">` +
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>' +
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>' +
        '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>',
    },
    {
      name: 'content.xml',
      data: `${XML}<office:document-content ${ODT_NS}><office:automatic-styles>${options.automatic ?? ''}</office:automatic-styles><office:body><office:text>${body}</office:text></office:body></office:document-content>`,
    },
    {
      name: 'styles.xml',
      data: `${XML}<office:document-styles ${ODT_NS}><office:styles>${options.styles ?? ''}</office:styles></office:document-styles>`,
    },
    {
      name: 'meta.xml',
      data: `${XML}<office:document-meta ${ODT_NS}><office:meta>${options.title ? `<dc:title>${options.title}</dc:title>` : ''}</office:meta></office:document-meta>`,
    },
  ]);
}

const ODT_STYLES =
  '<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1"/>' +
  '<style:style style:name="Titre_20_2" style:display-name="Titre 2" style:family="paragraph" style:default-outline-level="2"/>' +
  '<style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph"/>' +
  '<text:list-style style:name="Numbering_20_123" style:display-name="Numbering 123">' +
  '<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>' +
  '<text:list-level-style-number text:level="2" style:num-suffix="." style:num-format="1" text:display-levels="2"/>' +
  '<text:list-level-style-number text:level="3" style:num-suffix=")" style:num-format="a"/>' +
  '</text:list-style>' +
  '<text:list-style style:name="Lettres"><text:list-level-style-number text:level="1" style:num-suffix=")" style:num-format="A"/></text:list-style>';

const item = (text: string, nested = '') => `<text:list-item><text:p>${text}</text:p>${nested}</text:list-item>`;
const cell = (text: string, attributes = '') => `<table:table-cell ${attributes}><text:p>${text}</text:p></table:table-cell>`;

const ODT_BODY = [
  '<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><text:p>supprimé</text:p></text:deletion></text:changed-region></text:tracked-changes>',
  '<text:h text:style-name="P1" text:outline-level="1">Axe 1 : Recruter</text:h>',
  '<text:h text:style-name="Titre_20_2" text:outline-level="2">Objectif 1.1</text:h>',
  '<text:list xml:id="list1" text:style-name="Numbering_20_123">',
  item('Premier', `<text:list>${item('Sous-action', `<text:list>${item('Lettre')}</text:list>`)}</text:list>`),
  '<text:list-header><text:p>En-tête de liste</text:p></text:list-header>',
  '</text:list>',
  '<text:p>«\u00a0Mettre<text:s text:c="3"/>en <text:span>œuvre</text:span>\u00a0»<text:tab/>l’accueil<text:change text:change-id="ct1"/><text:line-break/><text:soft-page-break/><text:a xlink:href="x">lien</text:a></text:p>',
  `<text:list text:continue-numbering="true" text:style-name="Numbering_20_123">${item('Suite de la liste')}</text:list>`,
  `<text:list text:style-name="Numbering_20_123">${item('Nouvelle liste')}<text:list-item text:style-override="Lettres"><text:p>Autre format</text:p></text:list-item></text:list>`,
  '<table:table table:name="Tableau1"><table:table-column table:number-columns-repeated="3"/>',
  `<table:table-header-rows><table:table-row>${cell('Axe')}${cell('N°')}${cell('Action')}</table:table-row></table:table-header-rows>`,
  `<table:table-row>${cell('Axe 1 : Recruter', 'table:number-rows-spanned="2"')}${cell('1')}${cell('Ouvrir les postes')}</table:table-row>`,
  `<table:table-row><table:covered-table-cell/>${cell('2')}${cell('Former les jurys')}</table:table-row>`,
  `<table:table-row>${cell('Axe 2 : Maintenir')}${cell('Sans numéro', 'table:number-columns-spanned="2"')}<table:covered-table-cell/></table:table-row>`,
  '</table:table>',
  '<text:p>Après le tableau</text:p>',
  '<text:p text:style-name="Heading_20_3">Titre sans niveau de plan</text:p>',
].join('');

test('odt: headings, style display names, list labels, list headers, wording kept, deletions dropped', () => {
  const d = readSourceBytes(
    'plan.odt',
    odt(ODT_BODY, {
      styles: ODT_STYLES,
      automatic: '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Heading_20_1"/>',
      title: 'Plan',
    }),
  );
  assert.equal(d.format, 'odt');
  assert.equal(d.title, 'Plan');
  assert.deepEqual(
    paragraphs(d).map((b) => [b.index, b.label, b.listLevel, b.headingLevel, b.style, b.text]),
    [
      [1, undefined, undefined, 1, 'Heading 1', 'Axe 1 : Recruter'],
      [2, undefined, undefined, 2, 'Titre 2', 'Objectif 1.1'],
      [3, '1.', 0, undefined, undefined, 'Premier'],
      [4, '1.1.', 1, undefined, undefined, 'Sous-action'],
      [5, 'a)', 2, undefined, undefined, 'Lettre'],
      [6, undefined, undefined, undefined, undefined, 'En-tête de liste'],
      [7, undefined, undefined, undefined, undefined, '«\u00a0Mettre   en œuvre\u00a0»\tl’accueil\nlien'],
      [8, '2.', 0, undefined, undefined, 'Suite de la liste'],
      [9, '1.', 0, undefined, undefined, 'Nouvelle liste'],
      [10, 'B)', 0, undefined, undefined, 'Autre format'],
      [11, undefined, undefined, undefined, undefined, 'Après le tableau'],
      [12, undefined, undefined, 3, 'Heading 3', 'Titre sans niveau de plan'],
    ].map(([index, label, listLevel, headingLevel, style, text]) => [index, label, listLevel, headingLevel, style, text]),
  );
  assert.deepEqual(d.notes, []);
});

test('odt: a table with its header row, a cell spanning rows carried down, a spanning cell', () => {
  const d = readSourceBytes('plan.odt', odt(ODT_BODY, { styles: ODT_STYLES }));
  const table = d.blocks.find((b): b is Table => b.kind === 'table')!;
  assert.equal(table.after, 10);
  assert.deepEqual(shownRows(table), SAME_TABLE);
});

test('odt: notes, comments, frames and text boxes left out of the text, and noted', () => {
  const body =
    '<draw:frame xmlns:draw="d"><draw:image/></draw:frame>' +
    '<text:p>Texte<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>la note</text:p></text:note-body></text:note>' +
    '<office:annotation><text:p>un commentaire</text:p></office:annotation> suite' +
    '<draw:frame xmlns:draw="d"><draw:text-box><text:p>dans la zone</text:p></draw:text-box></draw:frame></text:p>';
  const d = readSourceBytes('plan.odt', odt(body));
  assert.deepEqual(
    paragraphs(d).map((b) => b.text),
    ['Texte suite'],
  );
  assert.deepEqual(d.notes, [
    '1 zone de texte laissée de côté : son texte n’est pas lu ; s’il fait partie du plan, copiez-le dans le corps du document.',
    '1 image ou objet laissé de côté : seul le texte est lu.',
    '1 note de bas de page ou de fin laissée de côté.',
    '1 commentaire laissé de côté.',
  ]);
});

test('odt: repetition bounded, a hostile row repeated a million times is cut and noted', () => {
  const body = `<table:table><table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="1000000"/></table:table-row></table:table>`;
  const d = readSourceBytes('plan.odt', odt(body));
  const table = d.blocks[0] as Table;
  assert.equal(table.rows.length, 100);
  assert.equal(table.rows[0]!.cells.length, 200);
  assert.deepEqual(d.notes, [
    '1 tableau dépassait les limites de lecture (10 000 lignes, 200 colonnes, 20 000 cellules) par ses lignes ou colonnes répétées : ce qui les dépasse a été laissé de côté.',
  ]);
});

// ---------------------------------------------------------------------------------------------
// Refusals: each in French, nothing else happens (no file written beside the one read).

/** Writes `bytes` as `name` in a new folder, reads it, and returns the French message it is refused with. */
function refusal(name: string, bytes: Buffer): string {
  const dir = tempDir('document-reading-');
  const file = join(dir, name);
  writeFileSync(file, bytes);
  let message = '';
  assert.throws(
    () => readSource(file),
    (error: unknown) => {
      assert.ok(error instanceof DocumentReadError, String(error));
      message = error.message;
      return true;
    },
  );
  assert.deepEqual(readdirSync(dir), [name]);
  assert.doesNotMatch(message, /\b(error|invalid|undefined|zip64|entry|bytes)\b/i);
  return message.replaceAll(dir + '/', '');
}

test('refused: a PDF, saying how to get a .docx or .odt, or to use the template', () => {
  assert.equal(
    refusal('plan.pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n')),
    '« plan.pdf » est un PDF : l’import ne lit pas les PDF, qui ne gardent ni les titres, ni la numérotation, ni les tableaux du document d’origine. ' +
      'Ouvrez le document d’origine dans Word ou LibreOffice Writer et enregistrez-le au format « Document Word (.docx) » ou « Texte ODF (.odt) » (Fichier › Enregistrer sous), puis importez ce fichier. ' +
      'Sans document d’origine, Word sait ouvrir un PDF et l’enregistrer en .docx (vérifiez alors le résultat), ' +
      'ou saisissez le plan dans le classeur modèle (npm run tableur:modele) et importez-le avec npm run tableur:importer.',
  );
});

test('refused: a damaged .docx (a copy cut short)', () => {
  const whole = docx({ document: BODY, styles: STYLES, numbering: NUMBERING });
  assert.equal(
    refusal('plan.docx', whole.subarray(0, Math.floor(whole.length / 2))),
    '« plan.docx » est un document abîmé (copie interrompue, pièce jointe tronquée ?) : reprenez-en une copie intacte, ou ouvrez-le dans Word ou LibreOffice Writer et enregistrez-le de nouveau ' +
      '(Fichier › Enregistrer sous, format « Document Word (.docx) » ou « Texte ODF (.odt) »), puis relancez l’import.',
  );
});

/** Sets the uncompressed size that the central directory declares for its first entry. */
function declareSize(zip: Buffer, size: number): Buffer {
  const copy = Buffer.from(zip);
  const central = copy.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  copy.writeUInt32LE(size, central + 24);
  return copy;
}

test('refused: zip bombs, declaring past the limit or expanding past their declaration', () => {
  const declared = declareSize(docx({ document: p(r('x')) }), 0xf0000000);
  assert.equal(
    refusal('bombe.docx', declared),
    '« bombe.docx » occuperait 3 841 Mo une fois décompressé, au-delà de la limite de 150 Mo : ce n’est pas un document de traitement de texte ordinaire ; vérifiez le fichier choisi.',
  );
  // 4 Mo of zeros deflate to some 4 ko; the entry says 1 ko: inflation stops past 1 ko.
  const zeros = Buffer.alloc(4 * 1024 * 1024);
  const lying = declareSize(writeZip([{ name: 'word/document.xml', data: zeros }]), 1024);
  assert.ok(deflateRawSync(zeros).length < 100_000);
  assert.match(refusal('bombe.docx', lying), /^« bombe\.docx » est un document abîmé /);
});

test('refused: a .docx that is really a text file, an image, an RTF, a spreadsheet', () => {
  assert.equal(
    refusal('plan.docx', Buffer.from('Axe 1 : Recruter\nAction 1 : ouvrir les postes\n')),
    '« plan.docx » n’est pas un document Word (.docx) ni LibreOffice Writer (.odt) malgré son nom : son contenu est du texte brut ; ' +
      'ouvrez le document dans Word ou LibreOffice Writer et enregistrez-le au format « Document Word (.docx) » ou « Texte ODF (.odt) » (Fichier › Enregistrer sous), puis relancez l’import.',
  );
  assert.match(
    refusal('plan.docx', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])),
    /^« plan\.docx » n’est pas un document Word \(\.docx\) ni LibreOffice Writer \(\.odt\) malgré son nom : son contenu n’est pas celui d’un document de traitement de texte ; /,
  );
  assert.match(
    refusal('plan.txt', Buffer.from('Axe 1')),
    /^« plan\.txt » n’est pas un document Word \(\.docx\) ni LibreOffice Writer \(\.odt\) : son contenu est du texte brut ; /,
  );
  assert.match(
    refusal('plan.docx', Buffer.from('{\\rtf1\\ansi Axe 1}')),
    /^« plan\.docx » n’est pas un document Word \(\.docx\) ni LibreOffice Writer \(\.odt\) : c’est un fichier RTF ; /,
  );
  assert.match(
    refusal('plan.docx', writeZip([{ name: 'xl/workbook.xml', data: '<workbook/>' }])),
    /^« plan\.docx » est un classeur \(tableur\), pas un document de traitement de texte : .* « npm run tableur:importer -- .*plan\.docx »\.$/,
  );
});

test('refused: an OLE compound file (password-protected, or an old .doc)', () => {
  const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
  assert.equal(
    refusal('plan.docx', cfb),
    '« plan.docx » est protégé par un mot de passe ou au format .doc ancien (Word 97-2003) : l’import ne peut pas le lire. ' +
      'Ouvrez-le dans Word ou LibreOffice Writer, retirez le mot de passe s’il en a un (Word : Fichier › Informations › Protéger le document › Chiffrer avec mot de passe, champ vidé ; ' +
      'LibreOffice : Fichier › Enregistrer sous, case « Enregistrer avec mot de passe » décochée), puis enregistrez-le au format « Document Word (.docx) » ou « Texte ODF (.odt) » et relancez l’import.',
  );
});

test('refused: XML declaring a DTD and entities, in a .docx and in an .odt', () => {
  const laughs = `<!DOCTYPE w:document [<!ENTITY a "hahahahaha"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>`;
  const bomb = writeZip([
    { name: 'word/document.xml', data: `${XML}${laughs}<w:document ${W}><w:body>${p(r('&b;'))}</w:body></w:document>` },
  ]);
  assert.equal(
    refusal('plan.docx', bomb),
    '« plan.docx » : sa partie interne word/document.xml déclare une DTD (<!DOCTYPE …>), ce que Word et LibreOffice n’écrivent jamais ; ' +
      'par sécurité, l’import ne lit ni ses entités ni aucune ressource extérieure et refuse le fichier : ouvrez-le dans Word ou LibreOffice Writer et enregistrez-le de nouveau ' +
      '(Fichier › Enregistrer sous, format « Document Word (.docx) » ou « Texte ODF (.odt) »), puis relancez l’import.',
  );
  const external = odt('<text:p>&xxe;</text:p>').toString('latin1');
  const odtBomb = writeZip([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', store: true },
    {
      name: 'content.xml',
      data: `${XML}<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><office:document-content ${ODT_NS}><office:body><office:text><text:p>&xxe;</text:p></office:text></office:body></office:document-content>`,
    },
  ]);
  assert.ok(external.length > 0);
  assert.match(refusal('plan.odt', odtBomb), /^« plan\.odt » : sa partie interne content\.xml déclare une DTD/);
});

test('refused: XML nested past the limit, before any reader walks it', () => {
  const deep = `${'<w:sdt><w:sdtContent>'.repeat(150)}${p(r('x'))}${'</w:sdtContent></w:sdt>'.repeat(150)}`;
  assert.equal(
    refusal('plan.docx', docx({ document: deep })),
    '« plan.docx » : sa partie interne word/document.xml imbrique ses éléments sur plus de 200 niveaux, bien au-delà de ce que tient un plan ou une convention ; ' +
      'vérifiez le fichier choisi, ou ouvrez-le dans Word ou LibreOffice Writer et enregistrez-le de nouveau (Fichier › Enregistrer sous, format « Document Word (.docx) » ou « Texte ODF (.odt) »), puis relancez l’import.',
  );
  // Just below the limit, the same wrappers are looked through.
  const shallow = `${'<w:sdt><w:sdtContent>'.repeat(40)}${p(r('x'))}${'</w:sdtContent></w:sdt>'.repeat(40)}`;
  assert.deepEqual(
    paragraphs(readSourceBytes('plan.docx', docx({ document: shallow }))).map((b) => b.text),
    ['x'],
  );
});

test('refused: a file past 50 Mo, before it is read', () => {
  const dir = tempDir('document-reading-');
  const file = join(dir, 'gros.docx');
  writeFileSync(file, '');
  truncateSync(file, 51 * 1024 * 1024); // sparse: nothing written on disk
  assert.throws(() => readSource(file), {
    name: 'DocumentReadError',
    message:
      `« ${file} » pèse 51 Mo, au-delà de la limite de 50 Mo : un plan ou une convention pèse bien moins ; ` +
      'vérifiez le fichier choisi, ou enregistrez une copie du document sans ses images (ou avec des images compressées).',
  });
});

test('refused: a missing file, an empty file; a .docx named .odt is read, and noted', () => {
  assert.throws(() => readSource('/nulle/part/plan.docx'), {
    name: 'DocumentReadError',
    message: '« /nulle/part/plan.docx » : ce fichier est introuvable ; vérifiez son chemin et son nom, extension comprise (.docx ou .odt).',
  });
  assert.match(refusal('vide.docx', Buffer.alloc(0)), /^« vide\.docx » est vide \(0 octet\)/);
  const misnamed = readSourceBytes('plan.odt', docx({ document: p(r('Texte')) }));
  assert.equal(misnamed.format, 'docx');
  assert.deepEqual(misnamed.notes, [
    'Le fichier porte l’extension .odt mais c’est un document .docx : il a été lu comme tel ; renommez-le.',
  ]);
});

test('docx: the body found through the package relationships; footnotes, comments and images noted', () => {
  const body =
    p(
      '<w:commentRangeStart w:id="0"/>' +
        r('Texte') +
        '<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:drawing><wp:inline xmlns:wp="x"/></w:drawing></w:r>',
    ) + p(r('Fin') + '<w:r><w:rPr><w:vanish/></w:rPr><w:t>caché</w:t></w:r>');
  const d = readSourceBytes(
    'plan.docx',
    writeZip([
      {
        name: '_rels/.rels',
        data: `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>`,
      },
      { name: 'word/document2.xml', data: `${XML}<w:document ${W}><w:body>${body}</w:body></w:document>` },
    ]),
  );
  assert.deepEqual(
    paragraphs(d).map((b) => b.text),
    ['Texte', 'Fin'],
  );
  assert.deepEqual(d.notes, [
    '1 image ou objet laissé de côté : seul le texte est lu.',
    '1 note de bas de page ou de fin laissée de côté.',
    '1 commentaire laissé de côté.',
  ]);
});

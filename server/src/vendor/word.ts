// The Word libraries in a file of their own (dist/word.js): only `fengong import`, `fengong
// export --format docx` and the server's Word requests load it, on first use, so neither the
// checker's nor the server's start-up parses them. See server/src/word/lib.ts.
//   docx            writes .docx (section grid, east-Asian fonts, footers, header rows)
//   fflate          inflates a .docx's parts for reading (streamed, counted: word/package.ts), and lets the writer's package be touched up
//   fast-xml-parser reads document.xml, numbering.xml and styles.xml in document order
export {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
export { Inflate, strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
export { XMLParser } from 'fast-xml-parser';

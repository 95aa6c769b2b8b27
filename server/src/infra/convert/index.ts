/** Chuyển văn bản Word, OpenDocument, RTF sang PDF bằng LibreOffice (office documents to PDF). */
export {
  OfficeConverter,
  CONVERTIBLE_FORMATS,
  type ConvertibleFormat,
  type ConvertInput,
  type ConvertResult,
  type OfficeConverterOptions,
} from './office-pdf.js';

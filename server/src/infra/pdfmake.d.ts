/**
 * pdfmake 0.3 ships no typings. Only the server-side calls VănThư makes are declared; the
 * document definition stays a plain object checked by pdfmake itself.
 */
declare module 'pdfmake' {
  interface FontDescriptor {
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }

  interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }

  export interface PdfMake {
    setFonts(fonts: Record<string, FontDescriptor>): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    setLocalAccessPolicy(policy: (path: string) => boolean): void;
    createPdf(docDefinition: object, options?: object): OutputDocument;
  }

  const pdfmake: PdfMake;
  export default pdfmake;
}

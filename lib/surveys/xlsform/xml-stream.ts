// Streaming XML for the parts of an .xlsx: the unpacked chunks go through saxes (a conforming,
// non-validating parser that expands no user-defined entities) as they arrive, so no part is
// ever held whole, and the reader can stop as soon as it has what it needs.
import { SaxesParser } from "saxes";
import { XlsxRefused } from "./zip";

export interface XmlHandlers {
  /** Element names without their namespace prefix (`x:row` → `row`). */
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text?(text: string): void;
  /** True once the handler has read all it needs; the rest of the part is not unpacked. */
  done?(): boolean;
}

const local = (name: string) => name.slice(name.indexOf(":") + 1);

function decoderFor(first: Uint8Array): TextDecoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder("utf-16le");
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder("utf-16be");
  return new TextDecoder("utf-8");
}

/** Feeds a part to the handlers. Malformed XML is XlsxRefused naming the part and line. */
export async function readXml(part: string, chunks: AsyncIterable<Uint8Array>, h: XmlHandlers): Promise<void> {
  const parser = new SaxesParser({ position: true });
  parser.on("error", (e) => {
    throw new XlsxRefused(`Could not read the spreadsheet: "${part}" is not well-formed XML (line ${parser.line}: ${e.message.replace(/^.*?:\d+:\d+: /, "")})`);
  });
  parser.on("opentag", (tag) => h.open(local(tag.name), tag.attributes as Record<string, string>));
  parser.on("closetag", (tag) => h.close(local(tag.name)));
  if (h.text) {
    parser.on("text", h.text);
    parser.on("cdata", h.text);
  }
  let decoder: TextDecoder | null = null;
  for await (const chunk of chunks) {
    decoder ??= decoderFor(chunk);
    parser.write(decoder.decode(chunk, { stream: true }));
    if (h.done?.()) return;
  }
  if (decoder) parser.write(decoder.decode());
  parser.close();
}

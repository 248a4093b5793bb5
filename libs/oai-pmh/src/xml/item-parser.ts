import { SaxesParser } from 'saxes';
import { fastScan } from './fast-scanner';
import type { XNode } from './node';
import { TREE_DEPTH, TreeBuilder } from './tree-builder';

type Options = { xmlns: false };

/**
 * Parses one list item (`<record>`, `<header>`, `<set>` …) into a shallow
 * tree (see TreeBuilder). Most items go through a strict fast scanner;
 * anything it cannot vouch for is parsed by saxes, which gives the
 * definitive answer and the error message. Throws on any well-formedness
 * error; the caller reports it for that item alone.
 *
 * saxes runs without its namespace mode (about twice as fast); prefixes are
 * resolved by TreeBuilder only as far as raw-XML extraction needs them.
 */
export class ItemParser {
  private parser: SaxesParser<Options>;
  private readonly builder: TreeBuilder;
  private xml = '';

  constructor(
    private readonly context: Record<string, string>,
    maxDepth = Infinity,
  ) {
    this.builder = new TreeBuilder(maxDepth);
    this.parser = this.createParser();
  }

  parse(xml: string): XNode {
    const { builder } = this;
    builder.reset(this.context);
    if (fastScan(xml, builder) && builder.root) return builder.root;
    return this.parseWithSaxes(xml);
  }

  /** The reference path: saxes only. Public so tests can compare both paths. */
  parseWithSaxes(xml: string): XNode {
    this.xml = xml;
    this.builder.reset(this.context);
    try {
      this.parser.write(xml).close();
    } catch (error) {
      this.parser = this.createParser(); // a failed saxes parser is left mid-state
      throw error;
    }
    if (!this.builder.root) throw new Error('empty item');
    return this.builder.root;
  }

  private createParser(): SaxesParser<Options> {
    const parser = new SaxesParser<Options>({ xmlns: false });
    const { builder } = this;
    // `position` is just past the tag's `>`; attribute values cannot contain `<`.
    parser.on('opentag', (tag) => {
      const start = builder.depth < TREE_DEPTH ? this.xml.lastIndexOf('<', parser.position - 1) : 0;
      builder.open(tag.name, tag.attributes as Record<string, string>, start);
    });
    parser.on('closetag', () => builder.close(builder.depth <= TREE_DEPTH ? parser.position : 0));
    parser.on('text', (text) => builder.text(text));
    parser.on('cdata', (text) => builder.text(text));
    return parser;
  }
}

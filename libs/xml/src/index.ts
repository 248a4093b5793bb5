/**
 * @hop-luu/xml: the project's one XML reader, for small data-oriented documents (metadata
 * records): bounded (size, depth), no DTD, no entity expansion. Imports nothing of the project.
 */
export { XmlError, XmlErrorCode } from './errors';
export { namespaceScope, type NamespaceScope } from './namespaces';
export { DEFAULT_XML_LIMITS, parseXml, type ParseOptions, type XmlLimits } from './parse-xml';
export {
  attr,
  childrenNamed,
  deepText,
  firstChild,
  usedOuterPrefixes,
  type PositionedXmlElement,
  type XmlElement,
} from './xml-element';

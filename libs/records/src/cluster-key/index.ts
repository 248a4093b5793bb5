export { buildClusterKey, type ClusterSource } from './cluster-key';
export { familyName } from './family-name';
export { normalizeEdition } from './edition';
export { titleKey } from './title-key';

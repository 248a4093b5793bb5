export { cleanText } from './clean';
export { trimIsbd } from './isbd';
export { readYear } from './year';
export { trimmed } from './trimmed';

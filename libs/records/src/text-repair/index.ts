export {
  fixWarning,
  repairText,
  suspicionWarning,
  type RepairedText,
  type TextFix,
} from './repair-text';
export { repairDoubleUtf8, type DoubleUtf8Repair } from './double-utf8';

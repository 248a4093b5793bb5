import type { FormRule } from 'antd';

/**
 * "Pick one" for a Select. Not `required: true`: for that antd puts aria-required on the
 * Select's outer <div>, which has no role, and axe reports it as a critical violation.
 */
export function mustChoose(message: string): FormRule {
  return {
    validator: (_, value: unknown) =>
      value === undefined || value === null || value === ''
        ? Promise.reject(new Error(message))
        : Promise.resolve(),
  };
}

/** A setting is missing or malformed; the message is one line naming the variable and what it expects. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly expected: string,
    readonly received: string | undefined,
  ) {
    super(
      `Invalid configuration: ${variable}=${JSON.stringify(received ?? '')} — expected ${expected}. ` +
        `Set ${variable} in the environment or unset it to use the default (see README, Configuration).`,
    );
    this.name = 'ConfigError';
  }
}

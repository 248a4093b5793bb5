/**
 * An expected failure of the domain (a refused input, a missing source, a forbidden action),
 * with a stable code from its library's enum and a message that says what to do. The gateway
 * turns every DomainError into an API error in one place; anything else is a bug.
 */
export abstract class DomainError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

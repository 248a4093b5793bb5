/** ISBN-13 with a valid check digit, from a 12-digit body. */
export function isbn13(body12: string): string {
  const sum = [...body12].reduce((acc, d, i) => acc + Number(d) * (i % 2 ? 3 : 1), 0);
  return body12 + ((10 - (sum % 10)) % 10);
}

/** ISBN-10 with a valid check digit (0-9 or X), from a 9-digit body. */
export function isbn10(body9: string): string {
  const sum = [...body9].reduce((acc, d, i) => acc + Number(d) * (10 - i), 0);
  const check = (11 - (sum % 11)) % 11;
  return body9 + (check === 10 ? 'X' : String(check));
}

export function isValidIsbn13(isbn: string): boolean {
  return /^\d{13}$/.test(isbn) && isbn13(isbn.slice(0, 12)) === isbn;
}

export function isValidIsbn10(isbn: string): boolean {
  return /^\d{9}[\dX]$/.test(isbn) && isbn10(isbn.slice(0, 9)) === isbn;
}

import { isPrivateAddress } from './address-policy';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.255',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'fe80::1%eth0',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:169.254.169.254',
    '::ffff:a9fe:a9fe',
    '64:ff9b::10.0.0.1',
    '64:ff9b:1::808:808',
    'fec0::1',
    'not-an-ip',
  ])('refuses %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '203.113.131.1',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
    '::ffff:0:808:808',
    '2002:808:808::1',
    '2001:0:4136:e378:8000:63bf:f7f7:f7f7',
  ])('allows public %s', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });

  // An IPv6 address that carries an IPv4 one reaches that host through a translator or
  // tunnel, so the IPv4 address inside is judged by the same rule.
  it.each([
    ['IPv4-translated ::ffff:0:0/96, 127.0.0.1', '::ffff:0:7f00:1'],
    ['IPv4-translated, dotted tail', '::ffff:0:169.254.169.254'],
    ['6to4 2002::/16, 127.0.0.1', '2002:7f00:1::'],
    ['6to4, 169.254.169.254 metadata', '2002:a9fe:a9fe::'],
    ['6to4, 10.0.0.1 with a host part', '2002:a00:1:1::5'],
    ['Teredo, client 127.0.0.1 (last 32 bits inverted)', '2001:0:4136:e378:8000:63bf:80ff:fffe'],
    ['Teredo, client 169.254.169.254', '2001:0:4136:e378:8000:63bf:5601:5601'],
    ['Teredo, server 10.0.0.1', '2001:0:a00:1:8000:63bf:f7f7:f7f7'],
    ['NAT64, 169.254.169.254', '64:ff9b::a9fe:a9fe'],
    ['IPv4-compatible, 192.168.0.1', '::192.168.0.1'],
  ])('refuses %s: %s', (_form, address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });
});

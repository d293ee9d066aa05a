/** The device classes Forewarn assigns. Order matters only for display. */
export const DEVICE_TYPES = [
  'router',
  'switch',
  'firewall',
  'access-point',
  'wireless-controller',
  // Network equipment of no narrower class: optical transport, multiplexers, media converters, or a
  // network maker's box that says nothing more of itself.
  'network-device',
  'printer',
  'ups',
  'pdu',
  'nas',
  'server',
  'hypervisor',
  'workstation',
  'phone',
  'camera',
  'iot',
  'environment-sensor',
  'unmanaged-switch',
  'unknown',
] as const;

export type DeviceType = (typeof DEVICE_TYPES)[number];

/** Fields of a device that identification can decide, each with evidence. */
export const IDENTITY_FIELDS = ['vendor', 'type', 'model', 'firmware', 'serial', 'hostname'] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

/** Realistic machine-shop work for the demo shops. */
export const PART_NAMES = [
  "6061-T6 Mounting Bracket",
  "Stainless Manifold Block",
  "Delrin Bushing Set",
  "Titanium Bone Plate Prototype",
  "Aluminum Heat Sink, Anodized Black",
  "17-4 PH Valve Stem",
  "Gearbox Housing, Cast Aluminum Finish Machining",
  "PEEK Insulator Ring",
  "Hydraulic Fitting Adapter",
  "Robot End-Effector Plate",
  "Brass Nozzle Tip",
  "Motor Shaft, 4140 Hardened",
  "Sensor Enclosure Lid",
  "Fixture Base Plate, 7075",
  "Camera Gimbal Arm",
  "Pump Impeller",
  "Threaded Spacer, 303 SS",
  "Drone Frame Clamp",
  "Bearing Retainer",
  "Vacuum Chamber Flange",
  "Linear Rail Carriage Block",
  "Medical Device Knob, Ultem",
  "Turbine Blade Test Coupon",
  "Copper Bus Bar",
  "Precision Shim Pack",
  "Spindle Nose Adapter",
  "Hinge Pin, Nitrided",
  "Battery Tray Bracket",
  "Coolant Manifold Cap",
  "Optical Mount Ring",
  "Laser Housing Rear Cover",
  "Idler Pulley, Hard Anodized",
] as const;

export const IN_HOUSE_CUSTOMERS = [
  "Hawthorne Robotics",
  "Blue Ridge Medical Devices",
  "Cascade Aero Components",
  "Summit Hydraulics",
  "Lakeside Packaging Co.",
  "Ironwood Tooling",
] as const;

export const IN_HOUSE_LINES = [
  ["Prototype run, 5-axis milling", 4, 38500],
  ["Production lot, turned parts", 120, 1475],
  ["Deburr and tumble finish", 120, 125],
  ["Anodize Type II, black", 1, 18500],
  ["First article inspection report", 1, 22500],
  ["Fixture design and build", 1, 145000],
  ["Wire EDM, profile cut", 10, 4250],
  ["Heat treat and stress relieve", 1, 9500],
  ["Repair: re-bore and sleeve", 2, 32000],
] as const;

/** A small deterministic generator so the demo data is the same on every machine. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

import { describe, expect, it } from "vitest";
import { checkEligibility } from "../../../src/domain/citizen/eligibility.js";
import type { CivilRegistry, RegistryCitizen } from "../../../src/domain/citizen/eligibility.js";
import type { NationalId } from "../../../src/domain/citizen/national-id.js";

const citizen: RegistryCitizen = {
  nationalId: "7400076205" as NationalId,
  birthDate: { year: 1370, month: 5, day: 12 },
  firstName: "مریم",
  lastName: "احمدی",
  fatherName: "حسن",
};

/** An in-memory registry that records which IDs were asked for. */
function registryOf(...citizens: RegistryCitizen[]): CivilRegistry & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    findCitizen: async (nationalId) => {
      asked.push(nationalId);
      return citizens.find((candidate) => candidate.nationalId === nationalId) ?? null;
    },
  };
}

describe("checkEligibility", () => {
  it("returns the registry record when ID and birth date match", async () => {
    const registry = registryOf(citizen);
    const result = await checkEligibility(registry, citizen.nationalId, { year: 1370, month: 5, day: 12 });
    expect(result).toEqual({ ok: true, value: citizen });
    expect(registry.asked).toEqual(["7400076205"]);
  });

  it("accepts a citizen the registry marks alive", async () => {
    const result = await checkEligibility(registryOf({ ...citizen, alive: true }), citizen.nationalId, citizen.birthDate);
    expect(result.ok).toBe(true);
  });

  it("gives the same answer for an unknown ID and for a wrong birth date", async () => {
    const registry = registryOf(citizen);
    const unknownId = await checkEligibility(registry, "7340416501" as NationalId, citizen.birthDate);
    const wrongDay = await checkEligibility(registry, citizen.nationalId, { year: 1370, month: 5, day: 13 });
    const wrongMonth = await checkEligibility(registry, citizen.nationalId, { year: 1370, month: 6, day: 12 });
    const wrongYear = await checkEligibility(registry, citizen.nationalId, { year: 1371, month: 5, day: 12 });
    const refusal = { ok: false, error: "not_found_or_mismatch" };
    expect(unknownId).toEqual(refusal);
    expect(wrongDay).toEqual(refusal);
    expect(wrongMonth).toEqual(refusal);
    expect(wrongYear).toEqual(refusal);
  });

  it("gives the same answer when the registry records a death", async () => {
    const result = await checkEligibility(registryOf({ ...citizen, alive: false }), citizen.nationalId, citizen.birthDate);
    expect(result).toEqual({ ok: false, error: "not_found_or_mismatch" });
  });

  it("refuses a record for a different ID returned by a faulty adapter", async () => {
    const faulty: CivilRegistry = { findCitizen: async () => citizen };
    const result = await checkEligibility(faulty, "7340416501" as NationalId, citizen.birthDate);
    expect(result).toEqual({ ok: false, error: "not_found_or_mismatch" });
  });

  it("lets registry outages propagate instead of reporting a mismatch", async () => {
    const down: CivilRegistry = {
      findCitizen: async () => {
        throw new Error("registry unavailable");
      },
    };
    await expect(checkEligibility(down, citizen.nationalId, citizen.birthDate)).rejects.toThrow("registry unavailable");
  });
});

import { describe, expect, it } from "vitest";
import { matchPlaces } from "../../../src/domain/places/place-directory.js";
import { byPersianName } from "../../../src/domain/text/persian-order.js";

const provinces = ["خراسان جنوبی", "خراسان رضوی", "خراسان شمالی", "همدان", "چهارمحال و بختیاری", "تهران", "آذربایجان شرقی"].map((name, id) => ({ id, name }));

describe("matchPlaces", () => {
  it("finds every place whose name holds the typed part, so «خراسان» gives the three Khorasans", () => {
    expect(
      matchPlaces(provinces, "خراسان")
        .map((p) => p.name)
        .sort(),
    ).toEqual(["خراسان جنوبی", "خراسان رضوی", "خراسان شمالی"]);
  });

  it("prefers an exact name to the names that contain it", () => {
    const cities = [{ name: "تهران" }, { name: "تهران‌سر" }];
    expect(matchPlaces(cities, "تهران")).toEqual([{ name: "تهران" }]);
  });

  it("ignores what does not change a place's spelling: ي/ك, half-space, space or none, the madda of آ", () => {
    const cities = [{ name: "حسن‌آباد" }, { name: "علی‌آباد" }];
    for (const typed of ["حسن آباد", "حسن اباد", "حسن‌آباد", "حسناباد"]) expect(matchPlaces(cities, typed)).toEqual([{ name: "حسن‌آباد" }]);
    expect(matchPlaces(cities, "علي اباد")).toEqual([{ name: "علی‌آباد" }]);
  });
});

describe("byPersianName", () => {
  it("orders as Persian readers expect: چ after ج, not after ی; آ first; numbers by value", () => {
    expect(byPersianName(provinces).map((p) => p.name)).toEqual([
      "آذربایجان شرقی",
      "تهران",
      "چهارمحال و بختیاری",
      "خراسان جنوبی",
      "خراسان رضوی",
      "خراسان شمالی",
      "همدان",
    ]);
    expect(byPersianName([{ name: "ناحیه ۱۶" }, { name: "ناحیه ۲" }]).map((p) => p.name)).toEqual(["ناحیه ۲", "ناحیه ۱۶"]);
  });
});

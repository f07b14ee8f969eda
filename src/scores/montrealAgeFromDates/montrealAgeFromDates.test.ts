import { describe, expect, it } from "vitest";
import { montrealAgeFromDates, safeMontrealAgeFromDates } from "./index.js";

describe("montrealAgeFromDates", () => {
  it("matches the @examples", () => {
    expect([montrealAgeFromDates("2000-06-15", "2017-06-14"), montrealAgeFromDates("2000-06-15", "2017-06-15")]).toEqual(["A1", "A2"]);
    expect(safeMontrealAgeFromDates("2000-06-15", "1999-01-01").success).toBe(false);
  });

  it("uses completed years at the 40/41 boundary and leap days", () => {
    expect(montrealAgeFromDates("1980-01-10", "2021-01-09")).toBe("A2");
    expect(montrealAgeFromDates("1980-01-10", "2021-01-10")).toBe("A3");
    expect(montrealAgeFromDates("2004-02-29", "2021-02-28")).toBe("A1");
    expect(montrealAgeFromDates("2004-02-29", "2021-03-01")).toBe("A2");
  });

  it("rejects bad dates", () => {
    expect(() => montrealAgeFromDates("2000-02-30", "2020-01-01")).toThrow(
      new RangeError("montrealAgeFromDates: birthDate must be a calendar date written YYYY-MM-DD; got a string of length 10."),
    );
    expect(() => montrealAgeFromDates("2000-01-01", "1999-12-31")).toThrow(/diagnosisDate must not be before birthDate/);
    expect(() => montrealAgeFromDates(20000101 as never, "2020-01-01")).toThrow(TypeError);
    expect(() => montrealAgeFromDates("1800-01-01", "2020-01-01")).toThrow(/^montrealAgeFromDates: diagnosisDate must be at most 150 years/);
  });

});

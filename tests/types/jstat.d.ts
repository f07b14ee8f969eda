// The part of jstat (UMD, no types of its own) that tests/jstat-vs-r.test.ts measures.
declare module "jstat" {
  interface JStatStatic {
    normal: { cdf(x: number, mean: number, sd: number): number; inv(p: number, mean: number, sd: number): number };
    chisquare: { cdf(x: number, dof: number): number };
    studentt: { cdf(x: number, dof: number): number; inv(p: number, dof: number): number };
    beta: { cdf(x: number, a: number, b: number): number };
    binomial: { cdf(k: number, n: number, p: number): number };
    gammaln(x: number): number;
  }
  const jStat: JStatStatic;
  export default jStat;
}

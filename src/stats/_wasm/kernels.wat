;; SIMD (f64x2) kernels of the binomial elastic-net path (src/stats/elasticNet/_path.ts), the JavaScript
;; functions there being the reference the tests compare them with. Every pointer is a byte offset into the
;; exported memory; X is column-major with n rows (column c starts at x + c * n * 8); `cols` holds i32
;; column indices. Built into kernels.ts by build.mjs (npm run build:wasm).
(module
  (memory (export "memory") 1)

  ;; out[k] = sum_i X[i, cols[k]] * b[i] for k < m: four columns per pass over b, two rows per step.
  (func (export "dot") (param $x i32) (param $n i32) (param $cols i32) (param $m i32) (param $b i32) (param $out i32)
    (local $k i32) (local $ib i32) (local $nb i32) (local $n2 i32) (local $c i32)
    (local $o0 i32) (local $o1 i32) (local $o2 i32) (local $o3 i32) (local $po i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $r v128)
    (local $s0 f64) (local $s1 f64) (local $s2 f64) (local $s3 f64) (local $t f64)
    (local.set $nb (i32.shl (local.get $n) (i32.const 3)))
    (local.set $n2 (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3)))
    (block $done4 (loop $l4
      (br_if $done4 (i32.gt_s (i32.add (local.get $k) (i32.const 4)) (local.get $m)))
      (local.set $c (i32.add (local.get $cols) (i32.shl (local.get $k) (i32.const 2))))
      (local.set $o0 (i32.add (local.get $x) (i32.mul (i32.load (local.get $c)) (local.get $nb))))
      (local.set $o1 (i32.add (local.get $x) (i32.mul (i32.load offset=4 (local.get $c)) (local.get $nb))))
      (local.set $o2 (i32.add (local.get $x) (i32.mul (i32.load offset=8 (local.get $c)) (local.get $nb))))
      (local.set $o3 (i32.add (local.get $x) (i32.mul (i32.load offset=12 (local.get $c)) (local.get $nb))))
      (local.set $a0 (v128.const f64x2 0 0)) (local.set $a1 (v128.const f64x2 0 0))
      (local.set $a2 (v128.const f64x2 0 0)) (local.set $a3 (v128.const f64x2 0 0))
      (local.set $ib (i32.const 0))
      (block $di (loop $li
        (br_if $di (i32.ge_u (local.get $ib) (local.get $n2)))
        (local.set $r (v128.load (i32.add (local.get $b) (local.get $ib))))
        (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (v128.load (i32.add (local.get $o0) (local.get $ib))) (local.get $r))))
        (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (v128.load (i32.add (local.get $o1) (local.get $ib))) (local.get $r))))
        (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (v128.load (i32.add (local.get $o2) (local.get $ib))) (local.get $r))))
        (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (v128.load (i32.add (local.get $o3) (local.get $ib))) (local.get $r))))
        (local.set $ib (i32.add (local.get $ib) (i32.const 16)))
        (br $li)))
      (local.set $s0 (f64.add (f64x2.extract_lane 0 (local.get $a0)) (f64x2.extract_lane 1 (local.get $a0))))
      (local.set $s1 (f64.add (f64x2.extract_lane 0 (local.get $a1)) (f64x2.extract_lane 1 (local.get $a1))))
      (local.set $s2 (f64.add (f64x2.extract_lane 0 (local.get $a2)) (f64x2.extract_lane 1 (local.get $a2))))
      (local.set $s3 (f64.add (f64x2.extract_lane 0 (local.get $a3)) (f64x2.extract_lane 1 (local.get $a3))))
      ;; odd n: the last row
      (if (i32.lt_u (local.get $n2) (local.get $nb)) (then
        (local.set $t (f64.load (i32.add (local.get $b) (local.get $n2))))
        (local.set $s0 (f64.add (local.get $s0) (f64.mul (f64.load (i32.add (local.get $o0) (local.get $n2))) (local.get $t))))
        (local.set $s1 (f64.add (local.get $s1) (f64.mul (f64.load (i32.add (local.get $o1) (local.get $n2))) (local.get $t))))
        (local.set $s2 (f64.add (local.get $s2) (f64.mul (f64.load (i32.add (local.get $o2) (local.get $n2))) (local.get $t))))
        (local.set $s3 (f64.add (local.get $s3) (f64.mul (f64.load (i32.add (local.get $o3) (local.get $n2))) (local.get $t))))))
      (local.set $po (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 3))))
      (f64.store (local.get $po) (local.get $s0))
      (f64.store offset=8 (local.get $po) (local.get $s1))
      (f64.store offset=16 (local.get $po) (local.get $s2))
      (f64.store offset=24 (local.get $po) (local.get $s3))
      (local.set $k (i32.add (local.get $k) (i32.const 4)))
      (br $l4)))
    ;; the remaining columns one at a time
    (block $done1 (loop $l1
      (br_if $done1 (i32.ge_s (local.get $k) (local.get $m)))
      (local.set $o0 (i32.add (local.get $x) (i32.mul (i32.load (i32.add (local.get $cols) (i32.shl (local.get $k) (i32.const 2)))) (local.get $nb))))
      (local.set $a0 (v128.const f64x2 0 0)) (local.set $a1 (v128.const f64x2 0 0))
      (local.set $ib (i32.const 0))
      (block $dj (loop $lj
        (br_if $dj (i32.ge_u (local.get $ib) (local.get $n2)))
        (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (v128.load (i32.add (local.get $o0) (local.get $ib))) (v128.load (i32.add (local.get $b) (local.get $ib))))))
        (local.set $ib (i32.add (local.get $ib) (i32.const 16)))
        (br $lj)))
      (local.set $s0 (f64.add (f64x2.extract_lane 0 (local.get $a0)) (f64x2.extract_lane 1 (local.get $a0))))
      (if (i32.lt_u (local.get $n2) (local.get $nb)) (then
        (local.set $s0 (f64.add (local.get $s0) (f64.mul (f64.load (i32.add (local.get $o0) (local.get $n2))) (f64.load (i32.add (local.get $b) (local.get $n2))))))))
      (f64.store (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 3))) (local.get $s0))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $l1)))
  )

  ;; eta[i] = a0 + sum_k coef[k] * X[i, cols[k]] for k < m: four columns per pass over eta.
  (func (export "linear") (param $x i32) (param $n i32) (param $cols i32) (param $m i32) (param $coef i32) (param $eta i32) (param $a0 f64)
    (local $k i32) (local $ib i32) (local $nb i32) (local $n2 i32) (local $c i32) (local $pc i32)
    (local $o0 i32) (local $o1 i32) (local $o2 i32) (local $o3 i32)
    (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128) (local $e v128)
    (local.set $nb (i32.shl (local.get $n) (i32.const 3)))
    (local.set $n2 (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3)))
    (local.set $e (f64x2.splat (local.get $a0)))
    (block $df (loop $lf
      (br_if $df (i32.ge_u (local.get $ib) (local.get $n2)))
      (v128.store (i32.add (local.get $eta) (local.get $ib)) (local.get $e))
      (local.set $ib (i32.add (local.get $ib) (i32.const 16)))
      (br $lf)))
    (if (i32.lt_u (local.get $n2) (local.get $nb)) (then (f64.store (i32.add (local.get $eta) (local.get $n2)) (local.get $a0))))
    (block $done4 (loop $l4
      (br_if $done4 (i32.gt_s (i32.add (local.get $k) (i32.const 4)) (local.get $m)))
      (local.set $c (i32.add (local.get $cols) (i32.shl (local.get $k) (i32.const 2))))
      (local.set $pc (i32.add (local.get $coef) (i32.shl (local.get $k) (i32.const 3))))
      (local.set $o0 (i32.add (local.get $x) (i32.mul (i32.load (local.get $c)) (local.get $nb))))
      (local.set $o1 (i32.add (local.get $x) (i32.mul (i32.load offset=4 (local.get $c)) (local.get $nb))))
      (local.set $o2 (i32.add (local.get $x) (i32.mul (i32.load offset=8 (local.get $c)) (local.get $nb))))
      (local.set $o3 (i32.add (local.get $x) (i32.mul (i32.load offset=12 (local.get $c)) (local.get $nb))))
      (local.set $b0 (v128.load64_splat (local.get $pc)))
      (local.set $b1 (v128.load64_splat offset=8 (local.get $pc)))
      (local.set $b2 (v128.load64_splat offset=16 (local.get $pc)))
      (local.set $b3 (v128.load64_splat offset=24 (local.get $pc)))
      (local.set $ib (i32.const 0))
      (block $di (loop $li
        (br_if $di (i32.ge_u (local.get $ib) (local.get $n2)))
        (v128.store (i32.add (local.get $eta) (local.get $ib))
          (f64x2.add (v128.load (i32.add (local.get $eta) (local.get $ib)))
            (f64x2.add
              (f64x2.add (f64x2.mul (local.get $b0) (v128.load (i32.add (local.get $o0) (local.get $ib))))
                         (f64x2.mul (local.get $b1) (v128.load (i32.add (local.get $o1) (local.get $ib)))))
              (f64x2.add (f64x2.mul (local.get $b2) (v128.load (i32.add (local.get $o2) (local.get $ib))))
                         (f64x2.mul (local.get $b3) (v128.load (i32.add (local.get $o3) (local.get $ib))))))))
        (local.set $ib (i32.add (local.get $ib) (i32.const 16)))
        (br $li)))
      (if (i32.lt_u (local.get $n2) (local.get $nb)) (then
        (f64.store (i32.add (local.get $eta) (local.get $n2))
          (f64.add (f64.load (i32.add (local.get $eta) (local.get $n2)))
            (f64.add
              (f64.add (f64.mul (f64.load (local.get $pc)) (f64.load (i32.add (local.get $o0) (local.get $n2))))
                       (f64.mul (f64.load offset=8 (local.get $pc)) (f64.load (i32.add (local.get $o1) (local.get $n2)))))
              (f64.add (f64.mul (f64.load offset=16 (local.get $pc)) (f64.load (i32.add (local.get $o2) (local.get $n2))))
                       (f64.mul (f64.load offset=24 (local.get $pc)) (f64.load (i32.add (local.get $o3) (local.get $n2))))))))))
      (local.set $k (i32.add (local.get $k) (i32.const 4)))
      (br $l4)))
    (block $done1 (loop $l1
      (br_if $done1 (i32.ge_s (local.get $k) (local.get $m)))
      (local.set $o0 (i32.add (local.get $x) (i32.mul (i32.load (i32.add (local.get $cols) (i32.shl (local.get $k) (i32.const 2)))) (local.get $nb))))
      (local.set $pc (i32.add (local.get $coef) (i32.shl (local.get $k) (i32.const 3))))
      (local.set $b0 (v128.load64_splat (local.get $pc)))
      (local.set $ib (i32.const 0))
      (block $dj (loop $lj
        (br_if $dj (i32.ge_u (local.get $ib) (local.get $n2)))
        (v128.store (i32.add (local.get $eta) (local.get $ib))
          (f64x2.add (v128.load (i32.add (local.get $eta) (local.get $ib)))
            (f64x2.mul (local.get $b0) (v128.load (i32.add (local.get $o0) (local.get $ib))))))
        (local.set $ib (i32.add (local.get $ib) (i32.const 16)))
        (br $lj)))
      (if (i32.lt_u (local.get $n2) (local.get $nb)) (then
        (f64.store (i32.add (local.get $eta) (local.get $n2))
          (f64.add (f64.load (i32.add (local.get $eta) (local.get $n2)))
            (f64.mul (f64.load (local.get $pc)) (f64.load (i32.add (local.get $o0) (local.get $n2))))))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $l1)))
  )

  ;; dst[i] = v[i] * X[i, col]; returns sum_i dst[i].
  (func (export "scale") (param $x i32) (param $n i32) (param $col i32) (param $v i32) (param $dst i32) (result f64)
    (local $ib i32) (local $nb i32) (local $n2 i32) (local $o i32) (local $t v128) (local $a v128) (local $s f64) (local $u f64)
    (local.set $nb (i32.shl (local.get $n) (i32.const 3)))
    (local.set $n2 (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3)))
    (local.set $o (i32.add (local.get $x) (i32.mul (local.get $col) (local.get $nb))))
    (block $d (loop $l
      (br_if $d (i32.ge_u (local.get $ib) (local.get $n2)))
      (local.set $t (f64x2.mul (v128.load (i32.add (local.get $v) (local.get $ib))) (v128.load (i32.add (local.get $o) (local.get $ib)))))
      (v128.store (i32.add (local.get $dst) (local.get $ib)) (local.get $t))
      (local.set $a (f64x2.add (local.get $a) (local.get $t)))
      (local.set $ib (i32.add (local.get $ib) (i32.const 16)))
      (br $l)))
    (local.set $s (f64.add (f64x2.extract_lane 0 (local.get $a)) (f64x2.extract_lane 1 (local.get $a))))
    (if (i32.lt_u (local.get $n2) (local.get $nb)) (then
      (local.set $u (f64.mul (f64.load (i32.add (local.get $v) (local.get $n2))) (f64.load (i32.add (local.get $o) (local.get $n2)))))
      (f64.store (i32.add (local.get $dst) (local.get $n2)) (local.get $u))
      (local.set $s (f64.add (local.get $s) (local.get $u)))))
    (local.get $s)
  )

  ;; Logistic quantities at eta: t = exp(-|eta|) (Cody-Waite reduction, Taylor polynomial of degree 13
  ;; on |r| <= ln(2)/2, scaled by 2^k as two powers of two so that subnormal results come out), then
  ;; p = 1 / (1 + t) or t / (1 + t) (eta >= 0 or not), q = 1 - p the other one, v = p q (1/n),
  ;; r = (y == 1 ? q : -p) (1/n), for the rows in pairs: an odd last row is left to the caller. Returns the
  ;; sum of r over those rows.
  (func (export "logistic") (param $eta i32) (param $y i32) (param $n i32) (param $pr i32) (param $q i32) (param $v i32) (param $res i32) (result f64)
    (local $ib i32) (local $nb i32) (local $e v128) (local $x v128) (local $k v128) (local $r v128) (local $t v128)
    (local $ki v128) (local $k1 v128) (local $u v128) (local $tu v128) (local $pos v128) (local $pp v128) (local $qq v128)
    (local $nn v128) (local $rr v128) (local $acc v128)
    (local.set $nb (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3)))
    (local.set $nn (f64x2.splat (f64.div (f64.const 1) (f64.convert_i32_s (local.get $n)))))
    (block $d (loop $l
      (br_if $d (i32.ge_u (local.get $ib) (local.get $nb)))
      (local.set $e (v128.load (i32.add (local.get $eta) (local.get $ib))))
      (local.set $x (f64x2.max (f64x2.neg (f64x2.abs (local.get $e))) (v128.const f64x2 -746 -746)))
      (local.set $k (f64x2.nearest (f64x2.mul (local.get $x) (v128.const f64x2 1.4426950408889634 1.4426950408889634))))
      (local.set $r (f64x2.sub
        (f64x2.sub (local.get $x) (f64x2.mul (local.get $k) (v128.const f64x2 6.93147180369123816490e-01 6.93147180369123816490e-01)))
        (f64x2.mul (local.get $k) (v128.const f64x2 1.90821492927058770002e-10 1.90821492927058770002e-10))))
      (local.set $t (f64x2.add (f64x2.mul (f64x2.add (f64x2.mul (f64x2.add (f64x2.mul (f64x2.add (f64x2.mul (f64x2.add (f64x2.mul (f64x2.add (f64x2.mul (f64x2.add (f64x2.mul (f64x2.add (f64x2.mul (f64x2.add (f64x2.mul (f64x2.add (f64x2.mul (f64x2.add (f64x2.mul (f64x2.add (f64x2.mul (f64x2.add (f64x2.mul (v128.const f64x2 1.6059043836821613e-10 1.6059043836821613e-10) (local.get $r)) (v128.const f64x2 2.08767569878681e-09 2.08767569878681e-09)) (local.get $r)) (v128.const f64x2 2.505210838544172e-08 2.505210838544172e-08)) (local.get $r)) (v128.const f64x2 2.755731922398589e-07 2.755731922398589e-07)) (local.get $r)) (v128.const f64x2 2.7557319223985893e-06 2.7557319223985893e-06)) (local.get $r)) (v128.const f64x2 2.48015873015873e-05 2.48015873015873e-05)) (local.get $r)) (v128.const f64x2 0.0001984126984126984 0.0001984126984126984)) (local.get $r)) (v128.const f64x2 0.001388888888888889 0.001388888888888889)) (local.get $r)) (v128.const f64x2 0.008333333333333333 0.008333333333333333)) (local.get $r)) (v128.const f64x2 0.041666666666666664 0.041666666666666664)) (local.get $r)) (v128.const f64x2 0.16666666666666666 0.16666666666666666)) (local.get $r)) (v128.const f64x2 0.5 0.5)) (local.get $r)) (v128.const f64x2 1.0 1.0)) (local.get $r)) (v128.const f64x2 1.0 1.0)))
      ;; 2^k as 2^k1 2^k2, k1 = floor(k / 2), k2 = k - k1 (each >= -538): an integer j is in the low bits
      ;; of j + 1.5 * 2^52, and (those bits + 1023) << 52 are the bits of 2^j.
      (local.set $k1 (f64x2.floor (f64x2.mul (local.get $k) (v128.const f64x2 0.5 0.5))))
      (local.set $ki (f64x2.sub (local.get $k) (local.get $k1)))
      (local.set $t (f64x2.mul (local.get $t)
        (i64x2.shl (i64x2.add (f64x2.add (local.get $k1) (v128.const f64x2 6755399441055744 6755399441055744)) (v128.const i64x2 1023 1023)) (i32.const 52))))
      (local.set $t (f64x2.mul (local.get $t)
        (i64x2.shl (i64x2.add (f64x2.add (local.get $ki) (v128.const f64x2 6755399441055744 6755399441055744)) (v128.const i64x2 1023 1023)) (i32.const 52))))
      (local.set $u (f64x2.div (v128.const f64x2 1 1) (f64x2.add (v128.const f64x2 1 1) (local.get $t))))
      (local.set $tu (f64x2.mul (local.get $t) (local.get $u)))
      (local.set $pos (f64x2.ge (local.get $e) (v128.const f64x2 0 0)))
      (local.set $pp (v128.bitselect (local.get $u) (local.get $tu) (local.get $pos)))
      (local.set $qq (v128.bitselect (local.get $tu) (local.get $u) (local.get $pos)))
      (v128.store (i32.add (local.get $pr) (local.get $ib)) (local.get $pp))
      (v128.store (i32.add (local.get $q) (local.get $ib)) (local.get $qq))
      (v128.store (i32.add (local.get $v) (local.get $ib)) (f64x2.mul (f64x2.mul (local.get $pp) (local.get $qq)) (local.get $nn)))
      (local.set $rr (f64x2.mul
        (v128.bitselect (local.get $qq) (f64x2.neg (local.get $pp))
          (f64x2.eq (v128.load (i32.add (local.get $y) (local.get $ib))) (v128.const f64x2 1 1)))
        (local.get $nn)))
      (v128.store (i32.add (local.get $res) (local.get $ib)) (local.get $rr))
      (local.set $acc (f64x2.add (local.get $acc) (local.get $rr)))
      (local.set $ib (i32.add (local.get $ib) (i32.const 16)))
      (br $l)))
    (f64.add (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc)))
  )
)

#!/usr/bin/env python3
"""The coefficients of engine/FastTanh: tanh x ~ x P(u) / Q(u), u = (x / c)^2, on [0, c], c = 9.

A rational fit weighted toward the smallest largest relative error (Loeb's linearisation, then
Lawson's reweighting), P of degree 5 and Q of degree 3 in u. Run from the project root:

    python3 src/test/python/fit_tanh.py

It prints the coefficients and the errors of the fit evaluated in float32 as FastTanh does (clamp,
Horner's rule with fused multiply-adds, one division) on a grid over [-12, 12] and tiny arguments.
"""
import numpy as np

c = 9.0
x = np.concatenate([np.linspace(1e-6, 1, 8000), np.linspace(1, c, 12000)])
t = np.tanh(x)
u = (x / c) ** 2


def fit(npn, nq):
    w = np.ones_like(x)
    best = None
    for it in range(80):
        A = np.hstack([np.stack([x * u ** k for k in range(npn)], 1), np.stack([-t * u ** k for k in range(1, nq + 1)], 1)])
        wt = 1.0 / (t * w)
        coef, *_ = np.linalg.lstsq(A * wt[:, None], t * wt, rcond=None)
        a = coef[:npn]
        bq = np.concatenate([[1.0], coef[npn:]])
        Q = sum(bq[k] * u ** k for k in range(nq + 1))
        approx = x * sum(a[k] * u ** k for k in range(npn)) / Q
        e = np.abs(approx / t - 1)
        if best is None or e.max() < best[0]:
            best = (e.max(), a.copy(), bq.copy())
        w = Q / np.sqrt(np.maximum(e / e.max(), 1e-3)) if it > 5 else Q
    return best


def float32_eval(a, bq, xs):
    xc = np.clip(xs, np.float32(-c), np.float32(c)).astype(np.float32)
    v = xc * np.float32(1 / c)
    uc = v * v
    P = np.float32(a[-1])
    for k in range(len(a) - 2, -1, -1):
        P = P * uc + np.float32(a[k])
    Q = np.float32(bq[-1])
    for k in range(len(bq) - 2, -1, -1):
        Q = Q * uc + np.float32(bq[k])
    return (xc * P / Q).astype(np.float32)


e, a, bq = fit(6, 3)
xs = np.concatenate([np.linspace(-12, 12, 600001), np.logspace(-30, 0, 3000), -np.logspace(-30, 0, 3000)]).astype(np.float32)
ref = np.tanh(xs.astype(np.float64))
r = float32_eval(a, bq, xs)
m = ref != 0
print("P:", ", ".join("%.17g" % v for v in a))
print("Q:", ", ".join("%.17g" % v for v in bq))
print("largest relative error: fit %.2e, in float32 %.2e" % (e, np.max(np.abs(r[m].astype(np.float64) / ref[m] - 1))))

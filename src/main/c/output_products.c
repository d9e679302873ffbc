/*
 * The engine's products in AVX2 and FMA instructions, for org.rnnlab.engine.NativeProducts: the full
 * softmax's logits, exp, row sums, E V and V's update; the class-based layer's rows and updates; BPTT's
 * lag products; the recurrence.
 *
 * Why native code: at the step's shapes (T 45, H 100) the Java Vector API's tiles on JDK 17 issue
 * about a fifth more instructions than their multiply-adds (each broadcast a scalar load and a
 * shuffle, each load a bounds check) and ran at 82-84 GFLOP/s a core where the same tiles here run
 * at 93-107 (AMD EPYC, AVX2 only; see the speed log, session 34). A broadcast from memory is one
 * load here, and the operands are read where they lie, off the Java heap, with no copy of V's rows.
 *
 * Layouts, all row-major floats: v is V's rows (words x H); sT is S^T (H x tp, the states as columns,
 * zeros past the n rows); e is the logits, then E = exp(logits), word-major (words x tp: a word's tp
 * values together); gT is G^T (H x tp); s is S (n x H). tp is a multiple of 8. rowsTimes and dots
 * take strides. Where an operation is the Java kernels' too (exp, tanh, the recurrence, the forward
 * sums), it is theirs step for step, so the numbers are the same bit for bit.
 *
 * Every function is compiled for AVX2 and FMA alone (target attributes), so the library loads on any
 * x86-64; Java calls them only where the CPU has both (cpuHasAvx2Fma).
 */
#include <jni.h>
#include <immintrin.h>
#include <stdint.h>

#define AVX2 __attribute__((target("avx2,fma")))
#define INLINE static inline __attribute__((always_inline, target("avx2,fma")))
/* the tiles' loops over their registers, written out whole: their sums must stay in registers */
#define UNROLL _Pragma("GCC unroll 8")

/* Words a sweep: their rows of V (24 KB at H 100) and logits (11 KB at tp 48) stay in the first cache
 * from the logits to E V. */
#define SWEEP 60

/* The first `count` lanes of a vector: the tail of a row whose length is not a multiple of 8. */
INLINE __m256i lanes(int count) {
    const __m256i index = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    return _mm256_cmpgt_epi32(_mm256_set1_epi32(count), index);
}

/* exp of eight floats: FastExp's steps, in the same order, so the same numbers as the Java kernels. */
INLINE __m256 exp8(__m256 a) {
    const __m256 round = _mm256_set1_ps(12582912.0f);
    __m256 x = _mm256_min_ps(_mm256_max_ps(a, _mm256_set1_ps(-87.0f)), _mm256_set1_ps(88.0f));
    __m256 m = _mm256_fmadd_ps(x, _mm256_set1_ps(1.44269504f), round); /* k + ROUND: the low mantissa bits hold k */
    __m256 k = _mm256_sub_ps(m, round);
    __m256 r = _mm256_fmadd_ps(k, _mm256_set1_ps(2.12194440e-4f), _mm256_add_ps(_mm256_mul_ps(k, _mm256_set1_ps(-0.693359375f)), x));
    __m256 p = _mm256_fmadd_ps(r, _mm256_set1_ps(1.3888889e-3f), _mm256_set1_ps(8.3333333e-3f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(4.1666667e-2f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.6666667e-1f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(0.5f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f));
    __m256i twoK = _mm256_slli_epi32(_mm256_add_epi32(_mm256_castps_si256(m), _mm256_set1_epi32(127)), 23);
    return _mm256_mul_ps(p, _mm256_castsi256_ps(twoK));
}

/*
 * Java arrays held for one call through JNI's critical access (HotSpot pins them rather than copying),
 * released in the reverse order; an array only read is released without writing back.
 */
typedef struct {
    JNIEnv *env;
    int count;
    int failed;
    jarray arrays[5];
    void *at[5];
    jint mode[5];
} Held;

static void *hold(Held *h, jarray array, int onlyRead) {
    void *at = (*h->env)->GetPrimitiveArrayCritical(h->env, array, 0);
    h->arrays[h->count] = array;
    h->at[h->count] = at;
    h->mode[h->count++] = onlyRead ? JNI_ABORT : 0;
    h->failed |= at == 0;
    return at;
}

static void releaseAll(Held *h) {
    for (int i = h->count - 1; i >= 0; i--)
        if (h->at[i]) (*h->env)->ReleasePrimitiveArrayCritical(h->env, h->arrays[i], h->at[i], h->mode[i]);
}

/* The targets among a sweep's words: row[i]'s target is the sweep's word word[i]. */
typedef struct {
    int count;
    int row[128];
    int word[128];
} Targets;

/*
 * R words from the sweep's word c, at rows t0 .. t0 + 8 NV: their logits sum over j < H of v[c][j]
 * sT[j][t ..] in R x NV registers; a target's logit among them to zy; then E = exp of them into e and
 * their column sums added to z, in the words' order (the Java kernels' sums, in passes of their own).
 */
INLINE void logitsTile(const float *v, int H, const float *sT, int tp, int t0, float *e, int c, const Targets *targets,
        double *zy, float *z, int R, int NV) {
    __m256 a[6][2];
    UNROLL
    for (int r = 0; r < R; r++)
        UNROLL
        for (int k = 0; k < NV; k++) a[r][k] = _mm256_setzero_ps();
    const float *b = sT + t0;
    for (int j = 0; j < H; j++, b += tp) {
        __m256 b0 = _mm256_loadu_ps(b);
        __m256 b1 = NV > 1 ? _mm256_loadu_ps(b + 8) : b0;
        UNROLL
        for (int r = 0; r < R; r++) {
            __m256 x = _mm256_broadcast_ss(v + r * H + j);
            a[r][0] = _mm256_fmadd_ps(b0, x, a[r][0]);
            if (NV > 1) a[r][1] = _mm256_fmadd_ps(b1, x, a[r][1]);
        }
    }
    for (int i = 0; i < targets->count; i++) { /* a few rows a sweep: a target's raw logit, before exp */
        int r = targets->word[i] - c, t = targets->row[i] - t0;
        if (r >= 0 && r < R && t >= 0 && t < 8 * NV) {
            float raw[6][16];
            UNROLL
            for (int q = 0; q < R; q++)
                UNROLL
                for (int k = 0; k < NV; k++) _mm256_storeu_ps(raw[q] + 8 * k, a[q][k]);
            zy[targets->row[i]] = raw[r][t];
        }
    }
    UNROLL
    for (int k = 0; k < NV; k++) {
        __m256 sum = _mm256_loadu_ps(z + t0 + 8 * k);
        UNROLL
        for (int r = 0; r < R; r++) {
            __m256 x = exp8(a[r][k]);
            sum = _mm256_add_ps(sum, x);
            _mm256_storeu_ps(e + r * tp + t0 + 8 * k, x);
        }
        _mm256_storeu_ps(z + t0 + 8 * k, sum);
    }
}

/* A sweep of `words` words: E = exp(v sT) into e, the targets' logits into zy, z += E's column sums. */
INLINE void logitsExpSums(const float *v, int words, int H, const float *sT, int tp, float *e, const Targets *targets,
        double *zy, float *z) {
    int c = 0;
    for (; c + 6 <= words; c += 6) {
        int t = 0;
        for (; t + 16 <= tp; t += 16) logitsTile(v + c * H, H, sT, tp, t, e + c * tp, c, targets, zy, z, 6, 2);
        if (t < tp) logitsTile(v + c * H, H, sT, tp, t, e + c * tp, c, targets, zy, z, 6, 1);
    }
    for (; c < words; c++) { /* the last words, one at a time */
        int t = 0;
        for (; t + 16 <= tp; t += 16) logitsTile(v + c * H, H, sT, tp, t, e + c * tp, c, targets, zy, z, 1, 2);
        if (t < tp) logitsTile(v + c * H, H, sT, tp, t, e + c * tp, c, targets, zy, z, 1, 1);
    }
}

/* R rows of G^T from row j at NV vectors from column t0, over the words: gT (+)= v^T e. */
INLINE void gradTile(const float *v, int words, int H, const float *e, int tp, int j, int t0, float *gT, int from, int R, int NV) {
    __m256 a[6][2];
    float *g = gT + j * tp + t0;
    UNROLL
    for (int r = 0; r < R; r++)
        UNROLL
        for (int k = 0; k < NV; k++) a[r][k] = from ? _mm256_loadu_ps(g + r * tp + 8 * k) : _mm256_setzero_ps();
    const float *vr = v + j, *er = e + t0;
    for (int c = 0; c < words; c++, vr += H, er += tp) {
        __m256 b0 = _mm256_loadu_ps(er);
        __m256 b1 = NV > 1 ? _mm256_loadu_ps(er + 8) : b0;
        UNROLL
        for (int r = 0; r < R; r++) {
            __m256 x = _mm256_broadcast_ss(vr + r);
            a[r][0] = _mm256_fmadd_ps(b0, x, a[r][0]);
            if (NV > 1) a[r][1] = _mm256_fmadd_ps(b1, x, a[r][1]);
        }
    }
    UNROLL
    for (int r = 0; r < R; r++)
        UNROLL
        for (int k = 0; k < NV; k++) _mm256_storeu_ps(g + r * tp + 8 * k, a[r][k]);
}

/* gT = v^T e, or gT += v^T e when `from`: the words' share of G = E V, transposed. */
INLINE void gradT(const float *v, int words, int H, const float *e, int tp, float *gT, int from) {
    int j = 0;
    for (; j + 6 <= H; j += 6) {
        int t = 0;
        for (; t + 16 <= tp; t += 16) gradTile(v, words, H, e, tp, j, t, gT, from, 6, 2);
        if (t < tp) gradTile(v, words, H, e, tp, j, t, gT, from, 6, 1);
    }
    /* the last rows (4 at H 100) together: a row at a time, its two chains waited on their own last
     * steps, and the four rows took as long as a sixth of the others */
    int t = 0;
    switch (H - j) {
#define LAST(R) case R: \
        for (t = 0; t + 16 <= tp; t += 16) gradTile(v, words, H, e, tp, j, t, gT, from, R, 2); \
        if (t < tp) gradTile(v, words, H, e, tp, j, t, gT, from, R, 1); \
        break;
        LAST(1) LAST(2) LAST(3) LAST(4) LAST(5)
#undef LAST
        default: break;
    }
}

/*
 * One group of words: the logits into e, the targets' logits into zy, E = exp in place, z += E's
 * column sums and, with gradients, gT (+)= V^T E; a sweep of SWEEP words at a time, while its rows of
 * V and E are in the first cache. target[r] is row r's target as an index into this group's words.
 */
JNIEXPORT void JNICALL AVX2 Java_org_rnnlab_engine_NativeProducts_forward(JNIEnv *env, jclass cls,
        jlong vAt, jint words, jint H, jfloatArray sTArray, jint tp, jlong eAt, jfloatArray zArray,
        jfloatArray gTArray, jboolean gradients, jboolean addG, jintArray yArray, jint yFrom,
        jint firstWord, jint n, jdoubleArray zyArray) {
    (void) cls;
    const float *v = (const float *) (intptr_t) vAt;
    float *e = (float *) (intptr_t) eAt;
    Held held = {env, 0, 0, {0}, {0}, {0}};
    const float *sT = hold(&held, sTArray, 1);
    float *z = hold(&held, zArray, 0);
    float *gT = hold(&held, gTArray, 0);
    const jint *y = hold(&held, yArray, 1);
    jdouble *zy = hold(&held, zyArray, 0);
    if (!held.failed) {
        for (int c0 = 0; c0 < words; c0 += SWEEP) {
            int sw = words - c0 < SWEEP ? words - c0 : SWEEP;
            const float *vw = v + (long) c0 * H;
            float *ew = e + (long) c0 * tp;
            Targets targets;
            targets.count = 0;
            for (int r = 0; r < n && r < 128; r++) {
                int target = y[yFrom + r] - firstWord - c0;
                if (target >= 0 && target < sw) {
                    targets.row[targets.count] = r;
                    targets.word[targets.count++] = target;
                }
            }
            logitsExpSums(vw, sw, H, sT, tp, ew, &targets, zy, z);
            if (gradients) gradT(vw, sw, H, ew, tp, gT, addG || c0 > 0);
        }
    }
    releaseAll(&held);
}

/* d = alpha acc + beta d over `count` floats of one vector (all 8 when count is 8). */
INLINE void update(float *d, __m256 acc, __m256 alpha, __m256 beta, int betaKind, int count) {
    __m256i mask = lanes(count);
    __m256 old = betaKind == 0 ? _mm256_setzero_ps() : count == 8 ? _mm256_loadu_ps(d) : _mm256_maskload_ps(d, mask);
    __m256 out = betaKind == 0 ? _mm256_mul_ps(acc, alpha)
            : betaKind == 1 ? _mm256_fmadd_ps(acc, alpha, old)
            : _mm256_fmadd_ps(acc, alpha, _mm256_mul_ps(old, beta));
    if (count == 8) _mm256_storeu_ps(d, out);
    else _mm256_maskstore_ps(d, mask, out);
}

/*
 * R rows of d from its row 0 at NV vectors from column j (the last one `tail` floats wide, 8 when
 * whole): d[c][j..] = alpha sum over t < n of e[c ec + t et] s[t ss + j..] + beta d[c][j..]. The
 * strides let one kernel serve E^T S (V's update), dQ^T S, dQ X and a row's V_c^T dr.
 * betaKind: 0 beta is 0 (d is not read), 1 beta is 1, 2 any other.
 */
INLINE void rowsTile(const float *e, long ec, long et, int n, const float *s, long ss, int j, float *d, long ds,
        __m256 alpha, __m256 beta, int betaKind, int R, int NV, int tail) {
    __m256 a[8][3];
    UNROLL
    for (int r = 0; r < R; r++)
        UNROLL
        for (int k = 0; k < NV; k++) a[r][k] = _mm256_setzero_ps();
    __m256i mask = lanes(tail);
    const float *sr = s + j;
    const float *er = e;
    for (int t = 0; t < n; t++, sr += ss, er += et) {
        __m256 b[3];
        UNROLL
        for (int k = 0; k < NV; k++)
            b[k] = k == NV - 1 && tail < 8 ? _mm256_maskload_ps(sr + 8 * k, mask) : _mm256_loadu_ps(sr + 8 * k);
        UNROLL
        for (int r = 0; r < R; r++) {
            __m256 x = _mm256_broadcast_ss(er + r * ec);
            UNROLL
            for (int k = 0; k < NV; k++) a[r][k] = _mm256_fmadd_ps(b[k], x, a[r][k]);
        }
    }
    UNROLL
    for (int r = 0; r < R; r++)
        UNROLL
        for (int k = 0; k < NV; k++)
            update(d + r * ds + j + 8 * k, a[r][k], alpha, beta, betaKind, k == NV - 1 ? tail : 8);
}

/*
 * One row of d at NV vectors from column j (the last `tail` floats wide): each vector of S is used
 * once, so it is loaded where it is used, and the NV sums (up to 13) are the only registers kept.
 */
INLINE void rowTile(const float *e, long et, int n, const float *s, long ss, int j, float *d,
        __m256 alpha, __m256 beta, int betaKind, int NV, int tail) {
    __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0, a8 = a0,
            a9 = a0, a10 = a0, a11 = a0, a12 = a0;
    __m256i mask = lanes(tail);
    const float *sr = s + j;
    for (int t = 0; t < n; t++, sr += ss) {
        __m256 x = _mm256_broadcast_ss(e + t * et);
#define TERM(k, ak) if (NV > k) ak = _mm256_fmadd_ps(k == NV - 1 && tail < 8 ? _mm256_maskload_ps(sr + 8 * k, mask) \
        : _mm256_loadu_ps(sr + 8 * k), x, ak);
        TERM(0, a0) TERM(1, a1) TERM(2, a2) TERM(3, a3) TERM(4, a4) TERM(5, a5) TERM(6, a6) TERM(7, a7) TERM(8, a8)
        TERM(9, a9) TERM(10, a10) TERM(11, a11) TERM(12, a12)
#undef TERM
    }
#define PUT(k, ak) if (NV > k) update(d + j + 8 * k, ak, alpha, beta, betaKind, k == NV - 1 ? tail : 8);
    PUT(0, a0) PUT(1, a1) PUT(2, a2) PUT(3, a3) PUT(4, a4) PUT(5, a5) PUT(6, a6) PUT(7, a7) PUT(8, a8) PUT(9, a9)
    PUT(10, a10) PUT(11, a11) PUT(12, a12)
#undef PUT
}

/* One row of d from column j, the rest of the row (at most 13 vectors) in one pass over the n terms. */
INLINE void rowRest(const float *e, long et, int n, const float *s, long ss, int j, int H, float *d,
        __m256 alpha, __m256 beta, int betaKind) {
    int rest = H - j;
    int tail = rest - (rest - 1) / 8 * 8;
    switch ((rest + 7) / 8) {
#define REST(NV) case NV: rowTile(e, et, n, s, ss, j, d, alpha, beta, betaKind, NV, tail); break;
        REST(1) REST(2) REST(3) REST(4) REST(5) REST(6) REST(7) REST(8) REST(9) REST(10) REST(11) REST(12) REST(13)
#undef REST
        default: break;
    }
}

/* R rows of d (R at most 4) over the columns in whole vectors, tiles of three vectors then one; returns where they end. */
INLINE int wholeVectors(const float *e, long ec, long et, int n, const float *s, long ss, int H, float *d, long ds,
        __m256 alpha, __m256 beta, int betaKind, int R) {
    int j = 0;
    for (; j + 24 <= H; j += 24) rowsTile(e, ec, et, n, s, ss, j, d, ds, alpha, beta, betaKind, R, 3, 8);
    for (; j + 8 <= H; j += 8) rowsTile(e, ec, et, n, s, ss, j, d, ds, alpha, beta, betaKind, R, 1, 8);
    return j;
}

/*
 * R rows of d, all H columns: tiles of four rows by three vectors; a single row (a class's V_c^T dr,
 * n about 90) in passes of up to thirteen vectors, its sums in that many chains side by side, rather
 * than passes of three whose chains waited on their own last step.
 */
INLINE void someRows(const float *e, long ec, long et, int n, const float *s, long ss, int H, float *d, long ds,
        __m256 alpha, __m256 beta, int betaKind, int R) {
    int j = 0;
    if (R == 1) {
        for (; H - j > 104; j += 104) rowTile(e, et, n, s, ss, j, d, alpha, beta, betaKind, 13, 8);
        rowRest(e, et, n, s, ss, j, H, d, alpha, beta, betaKind);
        return;
    }
    j = wholeVectors(e, ec, et, n, s, ss, H, d, ds, alpha, beta, betaKind, R);
    if (j < H) rowsTile(e, ec, et, n, s, ss, j, d, ds, alpha, beta, betaKind, R, 1, H - j);
}

/*
 * Eight rows of d: two tiles of four rows over the whole vectors, then the last vector of the rows (4
 * floats at H 100) for all eight at once. Four rows' last vector alone were four chains each waiting on
 * its own last step: a seventh of V's update for 4% of its columns.
 */
INLINE void eightRows(const float *e, long ec, long et, int n, const float *s, long ss, int H, float *d, long ds,
        __m256 alpha, __m256 beta, int betaKind) {
    int whole = wholeVectors(e, ec, et, n, s, ss, H, d, ds, alpha, beta, betaKind, 4);
    wholeVectors(e + 4 * ec, ec, et, n, s, ss, H, d + 4 * ds, ds, alpha, beta, betaKind, 4);
    if (whole < H) rowsTile(e, ec, et, n, s, ss, whole, d, ds, alpha, beta, betaKind, 8, 1, H - whole);
}

INLINE void rowsTimes(const float *e, int rows, long ec, long et, int n, const float *s, long ss, int H,
        float alpha, float beta, float *d, long ds, int betaKind) {
    __m256 va = _mm256_set1_ps(alpha), vb = _mm256_set1_ps(beta);
    int c = 0;
    for (; c + 8 <= rows; c += 8)
        eightRows(e + c * ec, ec, et, n, s, ss, H, d + c * ds, ds, va, vb, betaKind);
    for (; c + 4 <= rows; c += 4)
        someRows(e + c * ec, ec, et, n, s, ss, H, d + c * ds, ds, va, vb, betaKind, 4);
    for (; c < rows; c++)
        someRows(e + c * ec, ec, et, n, s, ss, H, d + c * ds, ds, va, vb, betaKind, 1);
}

/*
 * d = alpha P S + beta d for `rows` rows of H floats: P's element (c, t) at e + c ec + t et (t < n),
 * S's row t at s + t ss, d's row c at d + c ds. With beta 0, d is not read.
 */
JNIEXPORT void JNICALL AVX2 Java_org_rnnlab_engine_NativeProducts_rowsTimes(JNIEnv *env, jclass cls,
        jlong eAt, jint rows, jint ec, jint et, jint n, jlong sAt, jint ss, jint H, jfloat alpha, jfloat beta,
        jlong dAt, jint ds) {
    (void) env;
    (void) cls;
    const float *e = (const float *) (intptr_t) eAt;
    const float *s = (const float *) (intptr_t) sAt;
    float *d = (float *) (intptr_t) dAt;
    if (beta == 0.0f) rowsTimes(e, rows, ec, et, n, s, ss, H, alpha, beta, d, ds, 0);
    else if (beta == 1.0f) rowsTimes(e, rows, ec, et, n, s, ss, H, alpha, beta, d, ds, 1);
    else rowsTimes(e, rows, ec, et, n, s, ss, H, alpha, beta, d, ds, 2);
}

/* The sum of a vector's eight floats. */
INLINE float sum8(__m256 a) {
    __m128 q = _mm_add_ps(_mm256_castps256_ps128(a), _mm256_extractf128_ps(a, 1));
    q = _mm_add_ps(q, _mm_movehl_ps(q, q));
    q = _mm_add_ss(q, _mm_movehdup_ps(q));
    return _mm_cvtss_f32(q);
}

/* R rows of A by Q rows of B: out[r][q] = A_r . B_q over H, in sums of eight lanes added at the end. */
INLINE void dotsTile(const float *a, long as, const float *b, long bs, int H, float *out, long os, int R, int Q) {
    __m256 acc[4][3];
    UNROLL
    for (int r = 0; r < R; r++)
        UNROLL
        for (int q = 0; q < Q; q++) acc[r][q] = _mm256_setzero_ps();
    int j = 0;
    for (; j + 8 <= H; j += 8) {
        __m256 x[3];
        UNROLL
        for (int q = 0; q < Q; q++) x[q] = _mm256_loadu_ps(b + q * bs + j);
        UNROLL
        for (int r = 0; r < R; r++) {
            __m256 y = _mm256_loadu_ps(a + r * as + j);
            UNROLL
            for (int q = 0; q < Q; q++) acc[r][q] = _mm256_fmadd_ps(y, x[q], acc[r][q]);
        }
    }
    if (j < H) {
        __m256i mask = lanes(H - j);
        __m256 x[3];
        UNROLL
        for (int q = 0; q < Q; q++) x[q] = _mm256_maskload_ps(b + q * bs + j, mask);
        UNROLL
        for (int r = 0; r < R; r++) {
            __m256 y = _mm256_maskload_ps(a + r * as + j, mask);
            UNROLL
            for (int q = 0; q < Q; q++) acc[r][q] = _mm256_fmadd_ps(y, x[q], acc[r][q]);
        }
    }
    UNROLL
    for (int r = 0; r < R; r++)
        UNROLL
        for (int q = 0; q < Q; q++) out[r * os + q] = sum8(acc[r][q]);
}

INLINE void dotsOfRows(const float *a, long as, const float *b, int cols, long bs, int H, float *out, long os, int R) {
    int q = 0;
    for (; q + 3 <= cols; q += 3) dotsTile(a, as, b + q * bs, bs, H, out + q, os, R, 3);
    for (; q < cols; q++) dotsTile(a, as, b + q * bs, bs, H, out + q, os, R, 1);
}

/* out = A B^T: out[r][q] = sum over j < H of a[r as + j] b[q bs + j], for r < rows, q < cols; out's rows os apart. */
JNIEXPORT void JNICALL AVX2 Java_org_rnnlab_engine_NativeProducts_dots(JNIEnv *env, jclass cls,
        jlong aAt, jint rows, jint as, jlong bAt, jint cols, jint bs, jint H, jlong outAt, jint os) {
    (void) env;
    (void) cls;
    const float *a = (const float *) (intptr_t) aAt;
    const float *b = (const float *) (intptr_t) bAt;
    float *out = (float *) (intptr_t) outAt;
    int r = 0;
    for (; r + 4 <= rows; r += 4) dotsOfRows(a + (long) r * as, as, b, cols, bs, H, out + (long) r * os, os, 4);
    for (; r < rows; r++) dotsOfRows(a + (long) r * as, as, b, cols, bs, H, out + (long) r * os, os, 1);
}

/*
 * A row of n logits at m: e = exp(m) into scratch, unshifted, or less the row's maximum where the
 * sum leaves the range Kernel.safeSum trusts (the same rule, the same operations and sums as
 * ClassOutput's softmaxRowF); with gradients, m = e / sum less one at the target. Returns the sum;
 * scratch keeps e, so that the caller takes the loss from the sum and e[target].
 */
INLINE double softmaxRow(float *m, int n, int target, int gradients, float *e) {
    float shift = 0.0f;
    double sum = 0.0;
    for (int pass = 0; pass < 2; pass++) {
        __m256 by = _mm256_set1_ps(shift);
        int i = 0;
        for (; i + 8 <= n; i += 8) _mm256_storeu_ps(e + i, exp8(_mm256_sub_ps(_mm256_loadu_ps(m + i), by)));
        if (i < n) {
            __m256i mask = lanes(n - i);
            _mm256_maskstore_ps(e + i, mask, exp8(_mm256_sub_ps(_mm256_maskload_ps(m + i, mask), by)));
        }
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0; /* ClassOutput.sumOf's four running sums */
        i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += e[i];
            s1 += e[i + 1];
            s2 += e[i + 2];
            s3 += e[i + 3];
        }
        for (; i < n; i++) s0 += e[i];
        sum = (s0 + s1) + (s2 + s3);
        if (pass == 1 || (sum >= 1e-20 && sum <= 1e30)) break;
        float m0 = m[0], m1 = m0, m2 = m0, m3 = m0; /* ClassOutput.maxOf */
        i = 0;
        for (; i + 3 < n; i += 4) {
            m0 = m[i] > m0 ? m[i] : m0;
            m1 = m[i + 1] > m1 ? m[i + 1] : m1;
            m2 = m[i + 2] > m2 ? m[i + 2] : m2;
            m3 = m[i + 3] > m3 ? m[i + 3] : m3;
        }
        for (; i < n; i++) m0 = m[i] > m0 ? m[i] : m0;
        m0 = m1 > m0 ? m1 : m0;
        m2 = m3 > m2 ? m3 : m2;
        shift = m2 > m0 ? m2 : m0;
    }
    if (gradients) {
        double inv = 1.0 / sum;
        __m256 invF = _mm256_set1_ps((float) inv);
        int i = 0;
        for (; i + 8 <= n; i += 8) _mm256_storeu_ps(m + i, _mm256_mul_ps(_mm256_loadu_ps(e + i), invF));
        for (; i < n; i++) m[i] = e[i] * (float) inv;
        m[target] = (float) (e[target] * inv - 1.0);
    }
    return sum;
}

/* A class's softmax row (see softmaxRow): the class logits of one state. */
JNIEXPORT jdouble JNICALL AVX2 Java_org_rnnlab_engine_NativeProducts_softmaxRow(JNIEnv *env, jclass cls,
        jlong mAt, jint n, jint target, jboolean gradients, jfloatArray scratch) {
    (void) cls;
    Held held = {env, 0, 0, {0}, {0}, {0}};
    float *e = hold(&held, scratch, 0);
    double sum = held.failed ? 0.0 / 0.0 : softmaxRow((float *) (intptr_t) mAt, n, target, gradients, e);
    releaseAll(&held);
    return sum;
}

/*
 * One state's row inside its target's class, back to back while the class's block of V is in the
 * cache: b = V_c s (size logits), its softmax (see softmaxRow) and, with gradients, ds = V_c^T dr.
 * Returns the softmax's sum; scratch keeps its exps.
 */
JNIEXPORT jdouble JNICALL AVX2 Java_org_rnnlab_engine_NativeProducts_wordRow(JNIEnv *env, jclass cls,
        jlong sAt, jlong vAt, jint size, jint H, jlong bAt, jlong dsAt, jint target, jboolean gradients,
        jfloatArray scratch) {
    (void) cls;
    const float *s = (const float *) (intptr_t) sAt;
    const float *v = (const float *) (intptr_t) vAt;
    float *b = (float *) (intptr_t) bAt;
    dotsOfRows(s, H, v, size, H, H, b, size, 1);
    Held held = {env, 0, 0, {0}, {0}, {0}};
    float *e = hold(&held, scratch, 0);
    double sum = held.failed ? 0.0 / 0.0 : softmaxRow(b, size, target, gradients, e);
    releaseAll(&held);
    if (gradients) rowsTimes(b, 1, 0, 1, size, v, H, H, 1.0f, 0.0f, (float *) (intptr_t) dsAt, H, 0);
    return sum;
}

/* tanh of eight floats: FastTanh's rational form and clamps, the Java kernels' operations in their order. */
INLINE __m256 tanh8(__m256 a) {
    const float limit = 9.0f;
    __m256 x = _mm256_min_ps(_mm256_max_ps(a, _mm256_set1_ps(-limit)), _mm256_set1_ps(limit));
    __m256 v = _mm256_mul_ps(x, _mm256_set1_ps(1.0f / limit));
    __m256 u = _mm256_mul_ps(v, v);
    __m256 p = _mm256_fmadd_ps(u, _mm256_set1_ps(0.06503326563946471f), _mm256_set1_ps(-0.55714807345854844f));
    p = _mm256_fmadd_ps(p, u, _mm256_set1_ps(4.9551139809803093f));
    p = _mm256_fmadd_ps(p, u, _mm256_set1_ps(19.204950944977838f));
    p = _mm256_fmadd_ps(p, u, _mm256_set1_ps(10.469440220795313f));
    p = _mm256_fmadd_ps(p, u, _mm256_set1_ps(0.99999995735301139f));
    __m256 q = _mm256_fmadd_ps(u, _mm256_set1_ps(121.68422899845918f), _mm256_set1_ps(156.08285376497977f));
    q = _mm256_fmadd_ps(q, u, _mm256_set1_ps(37.469408301189496f));
    q = _mm256_fmadd_ps(q, u, _mm256_set1_ps(1.0f));
    __m256 y = _mm256_div_ps(_mm256_mul_ps(x, p), q);
    return _mm256_min_ps(_mm256_max_ps(y, _mm256_set1_ps(-1.0f)), _mm256_set1_ps(1.0f));
}

/*
 * Up to 13 vectors of one word's state from column j (the last `tail` floats wide): a = U x_t there,
 * plus W s_(t-1) (W^T's rows P apart, the sums from zero in j's order, then added) unless first,
 * then tanh, into st.
 */
INLINE void recurColumns(const float *u, const float *wT, int P, const float *prev, int H, int first, int j, float *st,
        int NV, int tail) {
    __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0, a8 = a0,
            a9 = a0, a10 = a0, a11 = a0, a12 = a0;
    __m256i mask = lanes(tail);
    if (!first) {
        const float *w = wT + j;
        for (int i = 0; i < H; i++, w += P) {
            __m256 x = _mm256_broadcast_ss(prev + i);
#define TERM(k, ak) if (NV > k) ak = _mm256_fmadd_ps(_mm256_loadu_ps(w + 8 * k), x, ak);
            TERM(0, a0) TERM(1, a1) TERM(2, a2) TERM(3, a3) TERM(4, a4) TERM(5, a5) TERM(6, a6) TERM(7, a7)
            TERM(8, a8) TERM(9, a9) TERM(10, a10) TERM(11, a11) TERM(12, a12)
#undef TERM
        }
    }
#define PUT(k, ak) if (NV > k) { \
        int whole = k < NV - 1 || tail == 8; \
        __m256 in = whole ? _mm256_loadu_ps(u + j + 8 * k) : _mm256_maskload_ps(u + j + 8 * k, mask); \
        __m256 out = tanh8(_mm256_add_ps(in, ak)); \
        if (whole) _mm256_storeu_ps(st + j + 8 * k, out); else _mm256_maskstore_ps(st + j + 8 * k, mask, out); }
    PUT(0, a0) PUT(1, a1) PUT(2, a2) PUT(3, a3) PUT(4, a4) PUT(5, a5) PUT(6, a6) PUT(7, a7) PUT(8, a8) PUT(9, a9)
    PUT(10, a10) PUT(11, a11) PUT(12, a12)
#undef PUT
}

/*
 * The recurrence over words [from, to): s_t = tanh(U x_t + W s_(t-1)), U x_t being row x_t of U^T (at ut,
 * H floats a row), W^T in rows of P floats (its columns past H zeros), s's rows H floats apart. One word
 * at a time, its sums in up to thirteen vectors of registers; the Java kernels' numbers (VectorKernels.recurStep).
 */
JNIEXPORT void JNICALL AVX2 Java_org_rnnlab_engine_NativeProducts_recur(JNIEnv *env, jclass cls, jlong utAt,
        jintArray xArray, jint from, jint to, jint H, jfloatArray wTArray, jint P, jfloatArray sArray) {
    (void) cls;
    const float *ut = (const float *) (intptr_t) utAt;
    Held held = {env, 0, 0, {0}, {0}, {0}};
    const jint *x = hold(&held, xArray, 1);
    const float *wT = hold(&held, wTArray, 1);
    float *s = hold(&held, sArray, 0);
    if (!held.failed) {
        for (int t = from; t < to; t++) {
            const float *u = ut + (long) x[t] * H;
            const float *prev = s + (long) (t - 1) * H;
            float *st = s + (long) t * H;
            int j = 0;
            for (; H - j > 104; j += 104) recurColumns(u, wT, P, prev, H, t == 0, j, st, 13, 8);
            int rest = H - j;
            int tail = rest - (rest - 1) / 8 * 8;
            switch ((rest + 7) / 8) {
#define REST(NV) case NV: recurColumns(u, wT, P, prev, H, t == 0, j, st, NV, tail); break;
                REST(1) REST(2) REST(3) REST(4) REST(5) REST(6) REST(7) REST(8) REST(9) REST(10) REST(11) REST(12) REST(13)
#undef REST
                default: break;
            }
        }
    }
    releaseAll(&held);
}

/*
 * BPTT's chains at every lag, truncated at bptt steps: D (T x H) holds each step's ds * (1 - s^2) and
 * gains every chain that reaches the step; dt is 1 - s^2. At lag L the m = T - L chains now at steps
 * 1..m go one step back, y = x W, then c = y * dt and D += c; c is the next lag's x. a and b hold the
 * chains (T x H each), taking turns, so nothing is copied between lags (Recurrence32's loop did it through
 * ND4J's buffers). The same products and operations as that loop, so the same numbers.
 */
JNIEXPORT void JNICALL AVX2 Java_org_rnnlab_engine_NativeProducts_chains(JNIEnv *env, jclass cls, jfloatArray dArray,
        jfloatArray dtArray, jfloatArray aArray, jfloatArray bArray, jlong wAt, jint T, jint H, jint bptt) {
    (void) cls;
    const float *w = (const float *) (intptr_t) wAt;
    Held held = {env, 0, 0, {0}, {0}, {0}};
    float *D = hold(&held, dArray, 0);
    const float *dt = hold(&held, dtArray, 1);
    float *a = hold(&held, aArray, 0);
    float *b = hold(&held, bArray, 0);
    if (!held.failed) {
        long size = (long) T * H;
        for (long k = 0; k < size; k++) a[k] = D[k];
        float *x = a, *y = b;
        for (int lag = 1; lag <= bptt && lag < T; lag++) {
            int m = T - lag;
            rowsTimes(x + H, m, H, 1, H, w, H, H, 1.0f, 0.0f, y, H, 0);
            long n = (long) m * H, k = 0;
            for (; k + 8 <= n; k += 8) {
                __m256 c = _mm256_mul_ps(_mm256_loadu_ps(y + k), _mm256_loadu_ps(dt + k));
                _mm256_storeu_ps(D + k, _mm256_add_ps(_mm256_loadu_ps(D + k), c));
                _mm256_storeu_ps(y + k, c);
            }
            for (; k < n; k++) {
                float c = y[k] * dt[k];
                D[k] += c;
                y[k] = c;
            }
            float *t = x;
            x = y;
            y = t;
        }
    }
    releaseAll(&held);
}

/* Whether this CPU runs AVX2 and FMA instructions (the OS saving the vector registers included). */
JNIEXPORT jboolean JNICALL Java_org_rnnlab_engine_NativeProducts_cpuHasAvx2Fma(JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

#!/usr/bin/env python3
"""numpy reference for RNN Lab's engine, written straight from the lesson's equations and loops.

    python3 src/test/python/reference_rnn.py golden   # rewrites src/test/resources/golden/small_rnn.txt
    python3 src/test/python/reference_rnn.py bench [--hidden 100] [--vocabulary-size 8000] [--length 45] [--repeats 200]

`golden` writes the values the Java tests compare against (the tests never run python).
`bench` times a vectorised float32 numpy SGD step (same maths, batched like the Java engine)
and prints one line `numpy_step_ms median=<ms> min=<ms> repeats=<n> numpy=<version> core=<OpenBLAS kernel>`
for `rnnlab bench`.
"""
import argparse
import operator
import os
import sys
import time

import numpy as np


# [code:forward]
def softmax(x):
    xt = np.exp(x - np.max(x))
    return xt / np.sum(xt)
# [/code:forward]


class RNNNumpy:
    """The lesson's RNNNumpy, loops and all."""

    # [code:init]
    def __init__(self, word_dim, hidden_dim=100, bptt_truncate=4):
        self.word_dim = word_dim
        self.hidden_dim = hidden_dim
        self.bptt_truncate = bptt_truncate
        self.U = np.random.uniform(-np.sqrt(1. / word_dim), np.sqrt(1. / word_dim), (hidden_dim, word_dim))
        self.V = np.random.uniform(-np.sqrt(1. / hidden_dim), np.sqrt(1. / hidden_dim), (word_dim, hidden_dim))
        self.W = np.random.uniform(-np.sqrt(1. / hidden_dim), np.sqrt(1. / hidden_dim), (hidden_dim, hidden_dim))
    # [/code:init]

    # [code:forward]
    def forward_propagation(self, x):
        T = len(x)
        s = np.zeros((T + 1, self.hidden_dim))
        s[-1] = np.zeros(self.hidden_dim)
        o = np.zeros((T, self.word_dim))
        for t in np.arange(T):
            s[t] = np.tanh(self.U[:, x[t]] + self.W.dot(s[t - 1]))
            o[t] = softmax(self.V.dot(s[t]))
        return [o, s]
    # [/code:forward]

    # [code:predict]
    def predict(self, x):
        o, s = self.forward_propagation(x)
        return np.argmax(o, axis=1)
    # [/code:predict]

    # [code:loss]
    def calculate_total_loss(self, x, y):
        L = 0
        for i in np.arange(len(y)):
            o, s = self.forward_propagation(x[i])
            correct_word_predictions = o[np.arange(len(y[i])), y[i]]
            L += -1 * np.sum(np.log(correct_word_predictions))
        return L

    def calculate_loss(self, x, y):
        N = np.sum([len(y_i) for y_i in y])
        return self.calculate_total_loss(x, y) / N
    # [/code:loss]

    # [code:bptt]
    def bptt(self, x, y):
        T = len(y)
        o, s = self.forward_propagation(x)
        dLdU = np.zeros(self.U.shape)
        dLdV = np.zeros(self.V.shape)
        dLdW = np.zeros(self.W.shape)
        delta_o = o
        delta_o[np.arange(len(y)), y] -= 1.
        for t in np.arange(T)[::-1]:
            dLdV += np.outer(delta_o[t], s[t].T)
            delta_t = self.V.T.dot(delta_o[t]) * (1 - (s[t] ** 2))
            for bptt_step in np.arange(max(0, t - self.bptt_truncate), t + 1)[::-1]:
                dLdW += np.outer(delta_t, s[bptt_step - 1])
                dLdU[:, x[bptt_step]] += delta_t
                delta_t = self.W.T.dot(delta_t) * (1 - s[bptt_step - 1] ** 2)
        return [dLdU, dLdV, dLdW]
    # [/code:bptt]

    # [code:sgd]
    def sgd_step(self, x, y, learning_rate):
        dLdU, dLdV, dLdW = self.bptt(x, y)
        self.U -= learning_rate * dLdU
        self.V -= learning_rate * dLdV
        self.W -= learning_rate * dLdW
    # [/code:sgd]

    # [code:gradcheck]
    def gradient_check(self, x, y, h=0.001, error_threshold=0.01):
        """The lesson's gradient_check (not used by `golden`)."""
        bptt_gradients = self.bptt(x, y)
        model_parameters = ['U', 'V', 'W']
        for pidx, pname in enumerate(model_parameters):
            parameter = operator.attrgetter(pname)(self)
            print("Performing gradient check for parameter %s with size %d." % (pname, np.prod(parameter.shape)))
            it = np.nditer(parameter, flags=['multi_index'], op_flags=['readwrite'])
            while not it.finished:
                ix = it.multi_index
                original_value = parameter[ix]
                parameter[ix] = original_value + h
                gradplus = self.calculate_total_loss([x], [y])
                parameter[ix] = original_value - h
                gradminus = self.calculate_total_loss([x], [y])
                estimated_gradient = (gradplus - gradminus) / (2 * h)
                parameter[ix] = original_value
                backprop_gradient = bptt_gradients[pidx][ix]
                relative_error = np.abs(backprop_gradient - estimated_gradient) / (np.abs(backprop_gradient) + np.abs(estimated_gradient))
                if relative_error > error_threshold:
                    print("Gradient Check ERROR: parameter=%s ix=%s" % (pname, ix))
                    print("+h Loss: %f" % gradplus)
                    print("-h Loss: %f" % gradminus)
                    print("Estimated_gradient: %f" % estimated_gradient)
                    print("Backpropagation gradient: %f" % backprop_gradient)
                    print("Relative Error: %f" % relative_error)
                    return
                it.iternext()
            print("Gradient check for parameter %s passed." % (pname))
    # [/code:gradcheck]


# ---------------------------------------------------------------------------------------------
# golden values

GOLDEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'resources', 'golden', 'small_rnn.txt')


def golden():
    C, H, seed = 30, 7, 10
    np.random.seed(seed)
    model = RNNNumpy(C, H, bptt_truncate=4)
    data = np.random.RandomState(2015)
    xs, ys = [], []
    for T in [9, 5, 12, 1, 7, 3]:
        words = [0] + list(data.randint(2, C, size=T - 1)) + [1]   # SENTENCE_START=0 ... SENTENCE_END=1
        # [code:trainingdata]
        xs.append(np.array(words[:-1]))
        ys.append(np.array(words[1:]))
        # [/code:trainingdata]
    entries = []

    def put(name, value):
        a = np.atleast_2d(np.array(value, dtype=np.float64))  # a copy: the model changes in place later
        entries.append((name, a))

    put('dims', [[C, H, seed]])
    put('U0', model.U)
    put('V0', model.V)
    put('W0', model.W)
    for i, (x, y) in enumerate(zip(xs, ys)):
        put('x%d' % i, [x])
        put('y%d' % i, [y])
        put('sentence_loss%d' % i, [[model.calculate_total_loss([x], [y])]])
    put('total_loss', [[model.calculate_total_loss(xs, ys)]])
    put('mean_loss', [[model.calculate_loss(xs, ys)]])
    o, s = model.forward_propagation(xs[0])
    put('forward0_o', o)
    put('forward0_s', s)
    put('predict2', [model.predict(xs[2])])
    for name, k in [('bptt4', 4), ('bptt2', 2), ('bptt0', 0), ('bptt10', 10), ('exact', 1000)]:
        model.bptt_truncate = k
        dU, dV, dW = model.bptt(xs[2], ys[2])       # the 12-word sentence: truncation matters
        put(name + '_dU', dU)
        put(name + '_dV', dV)
        put(name + '_dW', dW)
    model.bptt_truncate = 4
    lr = 0.05
    start = (model.U.copy(), model.V.copy(), model.W.copy())
    model.sgd_step(xs[2], ys[2], lr)
    put('sgd1_U', model.U)
    put('sgd1_V', model.V)
    put('sgd1_W', model.W)
    model.U, model.V, model.W = start
    losses = []
    for step in range(10):
        i = step % len(xs)
        losses.append(model.calculate_total_loss([xs[i]], [ys[i]]))
        model.sgd_step(xs[i], ys[i], lr)
    put('trajectory_losses', [losses])
    put('trajectory_U', model.U)
    put('trajectory_V', model.V)
    put('trajectory_W', model.W)
    put('trajectory_mean_loss', [[model.calculate_loss(xs, ys)]])
    # numpy's legacy generator for another seed, to pin the seeding down beyond seed 10
    np.random.seed(123456789)
    put('seed123456789_uniform', [np.random.uniform(-0.5, 0.5, 8)])

    with open(GOLDEN, 'w') as f:
        f.write('# Written by src/test/python/reference_rnn.py golden (numpy %s); do not edit.\n' % np.__version__)
        f.write('# Each entry: a line "name rows cols", then the values row-major on one line.\n')
        for name, a in entries:
            f.write('%s %d %d\n' % (name, a.shape[0], a.shape[1]))
            f.write(' '.join(repr(float(v)) for v in a.ravel()) + '\n')
    print('wrote %s (%d entries)' % (os.path.normpath(GOLDEN), len(entries)))


# ---------------------------------------------------------------------------------------------
# a vectorised float32 step, for timing against the Java engine

def sgd_step_fast(U, V, W, x, y, lr, bptt_truncate):
    """The lesson's SGD step, batched: one product per layer over all T rows, one per BPTT lag."""
    T = len(x)
    H = W.shape[0]
    s = np.zeros((T + 1, H), dtype=U.dtype)
    Ux = U[:, x].T                                  # T x H: column x_t of U per row
    for t in range(T):
        s[t] = np.tanh(Ux[t] + W @ s[t - 1])
    S = s[:T]
    z = S @ V.T                                     # T x C
    z -= z.max(axis=1, keepdims=True)
    e = np.exp(z)
    e /= e.sum(axis=1, keepdims=True)
    loss = -np.log(e[np.arange(T), y]).sum()
    e[np.arange(T), y] -= 1                         # dO
    dS = e @ V                                      # T x H
    dV = e.T @ S                                    # C x H
    D = np.zeros((T, H), dtype=U.dtype)
    X = dS * (1 - S ** 2)                           # chains at lag 0: row r is step r
    for lag in range(bptt_truncate + 1):
        D[:T - lag] += X
        if lag == bptt_truncate or T - lag - 1 <= 0:
            break
        X = (X[1:] @ W) * (1 - s[:T - lag - 1] ** 2)
    dW = D[1:].T @ s[:T - 1]
    np.subtract.at(U.T, x, lr * D)
    V -= lr * dV
    W -= lr * dW
    return loss


def bench(argv):
    p = argparse.ArgumentParser(prog='reference_rnn.py bench')
    p.add_argument('--hidden', type=int, default=100)
    p.add_argument('--vocabulary-size', type=int, default=8000)
    p.add_argument('--length', type=int, default=45)
    p.add_argument('--repeats', type=int, default=200)
    p.add_argument('--serve', action='store_true', help='take turns with rnnlab bench: read "steps N", answer "times ..."')
    a = p.parse_args(argv)
    C, H, T = a.vocabulary_size, a.hidden, a.length
    rs = np.random.RandomState(10)
    U = rs.uniform(-np.sqrt(1. / C), np.sqrt(1. / C), (H, C)).astype(np.float32)
    V = rs.uniform(-np.sqrt(1. / H), np.sqrt(1. / H), (C, H)).astype(np.float32)
    W = rs.uniform(-np.sqrt(1. / H), np.sqrt(1. / H), (H, H)).astype(np.float32)
    x = rs.randint(0, C, T)
    y = rs.randint(0, C, T)
    lr = np.float32(0.005)
    for _ in range(max(10, a.repeats // 5)):
        sgd_step_fast(U, V, W, x, y, lr, 4)
    if a.serve:
        # turns with the Java engine: "steps N" runs N steps and answers "times <ms> ...", so both sides
        # are timed in the same moments of a shared machine's load
        print('ready numpy=%s core=%s' % (np.__version__, numpy_core()), flush=True)
        for line in sys.stdin:
            words = line.split()
            if not words or words[0] != 'steps':
                break
            times = []
            for _ in range(int(words[1])):
                t0 = time.perf_counter()
                sgd_step_fast(U, V, W, x, y, lr, 4)
                times.append((time.perf_counter() - t0) * 1000.0)
            print('times ' + ' '.join('%.4f' % t for t in times), flush=True)
        return
    times = []
    for _ in range(a.repeats):
        t0 = time.perf_counter()
        sgd_step_fast(U, V, W, x, y, lr, 4)
        times.append((time.perf_counter() - t0) * 1000.0)
    times.sort()
    print('numpy_step_ms median=%.4f min=%.4f repeats=%d numpy=%s core=%s'
          % (times[len(times) // 2], times[0], len(times), np.__version__, numpy_core()))


def corename(library):
    """The kernel family an OpenBLAS library picks on this CPU (it reads OPENBLAS_CORETYPE like any user)."""
    import ctypes
    try:
        lib = ctypes.CDLL(library)
    except OSError:
        return '?'
    for name in ('openblas_get_corename', 'scipy_openblas_get_corename64_', 'openblas_get_corename64_'):
        f = getattr(lib, name, None)
        if f is not None:
            f.restype = ctypes.c_char_p
            return f().decode('ascii', 'replace')
    return '?'


def numpy_core():
    """numpy's own OpenBLAS kernel (the wheel bundles its library in numpy.libs)."""
    import glob
    libs = glob.glob(os.path.join(os.path.dirname(np.__file__), os.pardir, 'numpy.libs', '*openblas*'))
    return corename(libs[0]) if libs else '?'


def check_fast():
    """sgd_step_fast equals the lesson's loops (float64)."""
    C, H = 30, 7
    np.random.seed(10)
    m = RNNNumpy(C, H, 4)
    x = np.array([0, 5, 9, 3, 3, 7, 12, 2, 9, 20, 11])
    y = np.array(list(x[1:]) + [1])
    U, V, W = m.U.copy(), m.V.copy(), m.W.copy()
    loss = sgd_step_fast(U, V, W, x, y, 0.05, 4)
    want = m.calculate_total_loss([x], [y])
    m.sgd_step(x, y, 0.05)
    err = max(abs(loss - want), np.abs(U - m.U).max(), np.abs(V - m.V).max(), np.abs(W - m.W).max())
    print('sgd_step_fast vs lesson loops: max difference %.3g' % err)
    return err < 1e-12


if __name__ == '__main__':
    if len(sys.argv) >= 2 and sys.argv[1] == 'golden':
        if not check_fast():
            sys.exit('sgd_step_fast disagrees with the lesson loops')
        golden()
    elif len(sys.argv) >= 2 and sys.argv[1] == 'bench':
        bench(sys.argv[2:])
    elif len(sys.argv) >= 2 and sys.argv[1] == 'check':
        sys.exit(0 if check_fast() else 1)
    else:
        sys.exit(__doc__)

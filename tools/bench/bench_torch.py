#!/usr/bin/env python3
"""The work of `descent bench` in PyTorch-Python, for the README's comparison.

Run with Debian's PyTorch (apt-get install python3-torch):  /usr/bin/python3 tools/bench/bench_torch.py [SECONDS]
MLP 784-128-10 (ReLU, cross-entropy, Adam 1e-3, batch 64) on the shipped MNIST training set, in memory; and a
2-8-8-2 tanh net on 400 toy points, batch 10, SGD 0.1. Prints JSON like `descent bench --json`.
"""
import gzip
import json
import os
import struct
import sys
import time

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "datasets", "mnist")


def idx(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    magic, count = struct.unpack(">II", raw[:8])
    if magic == 0x803:
        rows, cols = struct.unpack(">II", raw[8:16])
        return torch.frombuffer(bytearray(raw[16:]), dtype=torch.uint8).float().div(255).view(count, 1, rows, cols)
    return torch.frombuffer(bytearray(raw[8:]), dtype=torch.uint8).long()


def timed(seconds, step):
    warm = time.perf_counter() + min(2.0, seconds / 2)
    while time.perf_counter() < warm:
        step()
    steps, start = 0, time.perf_counter()
    while True:
        step()
        steps += 1
        now = time.perf_counter()
        if now - start >= seconds:
            return steps, now - start


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    torch.manual_seed(1)
    x = idx(os.path.join(DATA, "train-images-idx3-ubyte.gz"))
    y = idx(os.path.join(DATA, "train-labels-idx1-ubyte.gz"))
    model = nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    batches = x.shape[0] // 64
    state = {"b": 0}

    def mlp_step():
        b = state["b"] % batches
        state["b"] += 1
        xb, yb = x[b * 64:(b + 1) * 64], y[b * 64:(b + 1) * 64]
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        loss.item()

    steps, secs = timed(seconds, mlp_step)
    toy = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 8), nn.Tanh(), nn.Linear(8, 2))
    toy_opt = torch.optim.SGD(toy.parameters(), lr=0.1)
    px = torch.rand(400, 2) * 2 - 1
    py = ((px[:, 0] * px[:, 1]) < 0).long()
    tstate = {"b": 0}

    def toy_step():
        b = tstate["b"] % 40
        tstate["b"] += 1
        toy_opt.zero_grad()
        loss = loss_fn(toy(px[b * 10:(b + 1) * 10]), py[b * 10:(b + 1) * 10])
        loss.backward()
        toy_opt.step()
        loss.item()

    toy_steps, toy_secs = timed(seconds, toy_step)
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(),
                      "samplesPerSecond": round(steps * 64 / secs), "toyStepsPerSecond": round(toy_steps / toy_secs)}))


if __name__ == "__main__":
    main()

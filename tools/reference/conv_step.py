#!/usr/bin/env python3
"""Loss and gradients of one training step of a CNN, for ConvolutionStepReferenceTest.

Run with Debian's PyTorch:  /usr/bin/python3 tools/reference/conv_step.py
Reads src/test/resources/reference/step-cases.json with, per case, its weights (.npz, state_dict keys) and
step-NAME-batch.npz (x, labels), written by tools/reference/write-fixtures conv-step. The network in training mode
(batch norm on the batch's statistics), cross-entropy from logits, backward; writes step-NAME-grads.npz: every
parameter's gradient by state_dict key and "loss". Each case is computed at 1, 2 and 3 threads and must agree.
"""
import json
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
REF = os.path.normpath(os.path.join(HERE, "..", "..", "src", "test", "resources", "reference"))


def step(case):
    net = nn.Sequential(*[getattr(nn, l["type"])(**{k: v for k, v in l["args"].items() if v is not None})
                          for l in case["layers"]])
    state = {k: torch.from_numpy(v) for k, v in np.load(os.path.join(REF, case["weights"])).items()}
    missing, unexpected = net.load_state_dict(state, strict=False)
    assert not unexpected and all(k.endswith("num_batches_tracked") for k in missing), (missing, unexpected)
    batch = np.load(os.path.join(REF, "step-%s-batch.npz" % case["name"]))
    x = torch.from_numpy(batch["x"])
    labels = torch.from_numpy(batch["labels"]).long()
    net.train()
    loss = F.cross_entropy(net(x), labels)
    loss.backward()
    out = {"loss": np.array([loss.item()], dtype=np.float32)}
    for name, p in net.named_parameters():
        out[name] = p.grad.detach().numpy().astype(np.float32)
    return out


def main():
    with open(os.path.join(REF, "step-cases.json")) as f:
        cases = json.load(f)
    for case in cases:
        results = []
        for threads in (1, 2, 3):
            torch.set_num_threads(threads)
            results.append(step(case))
        # float sums in another order: ~1e-6 of each gradient's largest entry (a bias before batch norm has
        # a gradient of 0 up to rounding, ~1e-7)
        spread = max(float(np.abs(v - other[k]).max() / max(np.abs(v).max(), 1e-2))
                     for other in results[1:] for k, v in results[0].items())
        assert spread < 1e-4, (case["name"], spread)
        path = os.path.join(REF, "step-%s-grads.npz" % case["name"])
        np.savez(path, **results[0])
        print(case["name"], "->", path, "threads 1-3 differ by", spread, "of the largest entry; loss",
              float(results[0]["loss"][0]),
              {k: round(float(np.linalg.norm(v)), 6) for k, v in results[0].items() if k != "loss"})


if __name__ == "__main__":
    main()

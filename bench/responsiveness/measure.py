"""Times light requests to a Stepwise server, idle and while clients ask for heavy reports; see measure.sh."""
import json
import statistics
import sys
import threading
import time
import urllib.request

base, token, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
clients = [int(k) for k in sys.argv[4:]]
headers = {"Authorization": "Bearer " + token}


def call(path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, headers=dict(headers, **({"Content-Type": "application/json"} if data else {})))
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=600) as answer:
        payload = answer.read()
    return time.perf_counter() - started, payload


review = next(r for r in json.loads(call("/reviews")[1]) if r["type"] == "process")["id"]
stakeholder = json.loads(call(f"/reviews/{review}/stakeholders")[1])[0]["value"]["name"]
light = {
    "read a review": lambda: call(f"/reviews/{review}"),
    "log a communication": lambda: call(f"/reviews/{review}/communications", {"to": [stakeholder], "message": "Responsiveness probe", "channel": "email"}),
}
heavy = [f"/reviews/{review}/reports/analysts?format=pdf", f"/reviews/{review}/reports/analysts?format=pptx"]


def sample(span):
    times = {name: [] for name in light}
    end = time.time() + span
    while time.time() < end:
        for name, act in light.items():
            times[name].append(act()[0] * 1000)
        time.sleep(0.1)
    return times


def show(phase, times):
    for name, xs in times.items():
        xs = sorted(xs)
        print(f"  {phase:<34} {name:<20} n={len(xs):>4}  median {statistics.median(xs):>6.0f} ms  90% {xs[int(len(xs) * 0.9)]:>6.0f} ms  most {xs[-1]:>6.0f} ms", flush=True)


for path in heavy:
    call(path)  # first use compiles and warms the report's code
    alone = statistics.median(call(path)[0] for _ in range(3))
    print(f"  {path.split('/reports/')[1]} alone: {alone:.2f} s (median of 3)", flush=True)
show("idle", sample(seconds / 4))
for k in clients:
    stop = threading.Event()
    done = []

    def worker(i):
        while not stop.is_set():
            done.append(call(heavy[i % len(heavy)])[0])

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(k)]
    for t in threads:
        t.start()
    time.sleep(1)
    show(f"while {k} clients ask for reports", sample(seconds))
    stop.set()
    for t in threads:
        t.join()
    print(f"  {len(done)} reports in that time, median {statistics.median(done):.1f} s each", flush=True)

"""Real Sickle (PyPI `sickle`) harvesting one ListRecords list, as a Sickle user would.

Sickle parses each page with lxml and builds every Record's header, metadata dict and raw
XML string as it iterates; the loop reads them and keeps nothing, like a harvester that
stores each record and moves on. Run with the benchmark's own virtualenv (see
oai-harvest.bench.ts). Usage: python oai-sickle.py <baseUrl>; prints one JSON line.
"""
import json
import resource
import sys
import time

from sickle import Sickle


def main():
    client = Sickle(sys.argv[1], headers={"User-Agent": "HopLuu-bench/1.0 (Sickle)"})
    records = 0
    touched = 0
    started = time.perf_counter()
    cpu = time.process_time()
    for record in client.ListRecords(metadataPrefix="oai_dc"):
        touched += len(record.header.identifier) + len(record.metadata) + len(record.raw)
        records += 1
    print(json.dumps({
        "records": records if touched else 0,
        "seconds": time.perf_counter() - started,
        "cpuSeconds": time.process_time() - cpu,
        # ru_maxrss is in KiB on Linux: the process's own peak, like VmHWM for the Node workers.
        "peakRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


if __name__ == "__main__":
    main()

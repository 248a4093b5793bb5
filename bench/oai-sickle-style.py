"""Sickle-style reference harvester: Python + lxml, one page at a time.

Mirrors what Sickle does per page: fetch, etree.XML() the whole page, iterate
the records, build header + metadata dict (xml_to_dict) and the raw string.
Usage: python3 oai-sickle-style.py <baseUrl>; prints one JSON line.
"""
import http.client
import json
import resource
import sys
import time
import urllib.parse

try:
    from lxml import etree
except ImportError:  # the bench reports this as "skipped"
    print(json.dumps({"skipped": "lxml is not installed (pip install lxml)"}))
    sys.exit(0)

OAI = "{http://www.openarchives.org/OAI/2.0/}"


def xml_to_dict(element):
    fields = {}
    for child in element.iter():
        if child is element or not isinstance(child.tag, str):
            continue
        fields.setdefault(child.tag.split("}")[-1], []).append(child.text)
    return fields


def main():
    base = urllib.parse.urlparse(sys.argv[1])
    conn = http.client.HTTPConnection(base.hostname, base.port)
    params = {"verb": "ListRecords", "metadataPrefix": "oai_dc"}
    records = 0
    started = time.perf_counter()
    cpu = time.process_time()
    while True:
        conn.request("GET", base.path + "?" + urllib.parse.urlencode(params), headers={"User-Agent": "HopLuu-bench"})
        tree = etree.XML(conn.getresponse().read())
        for record in tree.iterfind(".//" + OAI + "record"):
            header = record.find(OAI + "header")
            _identifier = header.findtext(OAI + "identifier")
            _datestamp = header.findtext(OAI + "datestamp")
            _sets = [s.text for s in header.findall(OAI + "setSpec")]
            metadata = record.find(OAI + "metadata")
            if metadata is not None and len(metadata):
                _fields = xml_to_dict(metadata[0])
            _raw = etree.tostring(record, encoding="unicode")
            records += 1
        token = tree.findtext(".//" + OAI + "resumptionToken")
        if not token:
            break
        params = {"verb": "ListRecords", "resumptionToken": token}
    seconds = time.perf_counter() - started
    print(json.dumps({
        "records": records,
        "seconds": seconds,
        "cpuSeconds": time.process_time() - cpu,
        "peakRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


if __name__ == "__main__":
    main()

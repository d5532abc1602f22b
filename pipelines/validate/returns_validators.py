"""Runs the DfE's validation rules, as Data to Insight package them, on one statutory return and prints the findings.

Runs in .venv-validators (csc-validator-be-903, csc-validator-be-cin). The rules and their messages are the
packages'; this file only feeds them a return and turns their output into one record per finding with the file's
line, so the warehouse can keep them. It reads a job (JSON) on stdin and writes a result (JSON) on stdout:

  {"return": "ssda903", "collectionYear": 2024, "localAuthority": "E08000027" | null,
   "files": [path, ...], "previousFiles": [path, ...]}
  {"return": "cin_census", "file": path}

The CIN census is flattened to the validator's tables here rather than by its XMLtoCSV, which grows every table
one child at a time (minutes for a council's census); `tables_like_xmltocsv` builds the same tables (the tests
compare them with XMLtoCSV's on the validator's own fake data) in one pass, and knows each record's line.
"""
import csv
import io
import json
import logging
import sys
import warnings
import xml.etree.ElementTree as ET
import xml.parsers.expat

warnings.filterwarnings("ignore")
logging.disable(logging.CRITICAL)


def year_ruleset(package, prefix, year):
    """The ruleset for a collection year (2024 = 2023/24), else the nearest one the package has, and which it is."""
    import importlib
    import pkgutil

    rules = importlib.import_module(f"{package}.rules")
    years = sorted(
        int(m.name[len(prefix) : len(prefix) + 4]) + 1
        for m in pkgutil.iter_modules(rules.__path__)
        if m.ispkg and m.name.startswith(prefix)
    )
    used = min(max(year, years[0]), years[-1])
    name = f"{prefix}{used - 1}_{str(used)[2:]}"
    registry = importlib.import_module(f"{package}.rules.{name}").registry
    return used, name, registry


def text(v):
    if v is None:
        return None
    try:
        import pandas as pd

        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(v, "strftime"):
        return v.strftime("%Y-%m-%d")
    if isinstance(v, list):
        return ",".join(str(x) for x in v)
    return str(v)


def rule_list(registry):
    return [
        {"code": str(r.code), "message": str(r.message), "fields": sorted(str(f) for f in (r.affected_fields or []))}
        for r in registry.values()
    ]


# ---------------------------------------------------------------- SSDA903


def blank_in_file(rows, row, field):
    """True when the uploaded CSV's own cell is blank (whatever the package put there before its rules ran)."""
    if rows is None or row >= len(rows):
        return False
    cell = {k.strip(): v for k, v in rows[row].items() if k is not None}.get(field)
    return cell is not None and cell.strip() == ""


def csv_record_lines(content: bytes):
    """The file line each data row starts on, skipping blank lines as pandas does (row i of the table is [i])."""
    reader = csv.reader(io.StringIO(content.decode("utf-8-sig", errors="replace"), newline=""))
    lines, header_seen, prev = [], False, 0
    for record in reader:
        start = prev + 1
        prev = reader.line_num
        if not record:
            continue
        if not header_seen:
            header_seen = True
            continue
        lines.append(start)
    return lines


def validate_903(job):
    from lac_validator import lac_validator
    from lac_validator.config import column_names
    from lac_validator.report import Report
    from lac_validator.types import UploadedFile

    year, ruleset, registry = year_ruleset("lac_validator", "lac", int(job["collectionYear"]))
    uploads, where, raw = [], {}, {}
    for description, paths in (("This year", job["files"]), ("Prev year", job.get("previousFiles") or [])):
        for path in paths:
            with open(path, "rb") as f:
                content = f.read()
            uploads.append(UploadedFile(name=path, description=description, file_content=content))
            if description == "This year" and path.lower().endswith(".csv"):
                header = next(csv.reader(io.StringIO(content.decode("utf-8-sig", errors="replace"))), [])
                table = next((t for t, cols in column_names.items() if set(h.strip() for h in header) == set(cols)), None)
                if table:
                    where[table] = (path, csv_record_lines(content))
                    # The file's own cells: the package fills some blanks before its rules run (an open episode's
                    # DEC becomes the collection end), and a finding must show what the file holds.
                    raw[table] = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig", errors="replace"))))
            elif description == "This year":
                where["*"] = (path, None)
    metadata = {"collectionYear": str(year), "localAuthority": job.get("localAuthority") or ""}
    v = lac_validator.LacValidator(metadata=metadata, files=uploads, registry=registry)
    findings = []
    if any(c.startswith("ERR_") for t, df in v.ds_results.items() if t != "metadata" for c in df.columns):
        r = Report(v.ds_results, registry)
        issues = lac_validator.create_issue_df(r.report, r.error_report)
        for (code, table, row), group in issues.groupby(["rule_code", "tables_affected", "row_id"], sort=False):
            # The datastore's tables also hold the fields the package derives (PL_LA, PL_LOCATION, PL_DISTANCE).
            data = v.ds_results.get(table)
            fields = [f for f in dict.fromkeys(group["columns_affected"]) if data is not None and f in data.columns]
            path, lines = where.get(table, where.get("*", (None, None)))
            row = int(row)
            findings.append(
                {
                    "rule": str(code),
                    "child": text(group["child_id"].iloc[0]),
                    "table": table,
                    "row": row,
                    "file": path,
                    "line": lines[row] if lines and row < len(lines) else None,
                    "fields": fields,
                    "values": [None if blank_in_file(raw.get(table), row, f) else text(data.at[row, f]) for f in fields],
                }
            )
    return {
        "return": "ssda903",
        "collectionYear": int(job["collectionYear"]),
        "rulesYear": year,
        "ruleset": ruleset,
        "rules": rule_list(registry),
        "rulesFailed": [str(c) for c in v.fails],
        "rows": {t: int(len(df)) for t, df in v.dfs.items() if not t.endswith("_last")},
        "findings": findings,
    }


# ---------------------------------------------------------------- CIN census


def parse_with_lines(path):
    """ElementTree of the file (namespace prefixes dropped) and the line each element starts on."""
    builder, lines = ET.TreeBuilder(), {}
    parser = xml.parsers.expat.ParserCreate()
    local = lambda tag: tag.rsplit(":", 1)[-1]

    def start(tag, attrs):
        el = builder.start(local(tag), {})
        lines[id(el)] = parser.CurrentLineNumber

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda tag: builder.end(local(tag))
    parser.CharacterDataHandler = builder.data
    with open(path, "rb") as f:
        parser.ParseFile(f)
    return builder.close(), lines


def tables_like_xmltocsv(root, lines=None):
    """The validator's CIN tables (cin_validator.ingress.XMLtoCSV: same columns, IDs and row order) in one pass.

    Returns (tables, line of each row per table)."""
    import numpy as np
    import pandas as pd
    from cin_validator.ingress import XMLtoCSV as X

    NA = pd.NA
    line = (lambda el: lines.get(id(el))) if lines is not None else (lambda el: None)
    rows = {name: [] for name in TABLES}
    at = {name: [] for name in TABLES}
    frame = {name: [] for name in TABLES}
    ids = set(X.id_cols)

    def values(block, columns, base):
        d = dict(base)
        for c in columns:
            if c in ids:
                continue
            found = block.find(c) if block is not None else None
            d[c] = found.text if found is not None else NA
        return d

    def add(table, d, el, f):
        rows[table].append(d)
        at[table].append(line(el))
        frame[table].append(f)

    header = root.find("Header")
    h = values(header.find("CollectionDetails"), ["Collection", "Year", "ReferenceDate"], {})
    h.update(values(header.find("Source"), ["SourceLevel", "LEA", "SoftwareCode", "Release", "SerialNo", "DateTime"], {}))
    add("Header", h, header, 0)

    def plans(block, child_id, details_id, f):
        cpp_id = 0
        for plan in block.findall("ChildProtectionPlans"):
            cpp_id += 1
            base = {"LAchildID": child_id, "CINdetailsID": details_id, "CPPID": cpp_id}
            add("ChildProtectionPlans", values(plan, X.ChildProtectionPlans.columns, base), plan, f)
            reviews(plan, child_id, details_id, cpp_id, (f, cpp_id))
        return cpp_id

    def reviews(block, child_id, details_id, cpp_id, f):
        for review in block.findall("Reviews[CPPreviewDate]"):
            base = {"LAchildID": child_id, "CINdetailsID": details_id, "CPPID": cpp_id}
            add("Reviews", values(review, X.Reviews.columns, base), review.find("CPPreviewDate"), f)

    for n, child in enumerate(root.find("Children").findall("Child")):
        identifiers = child.find("ChildIdentifiers")
        ci = values(identifiers, X.ChildIdentifiers.columns, {})
        ci["LAchildID"] = identifiers.find("LAchildID").text if identifiers is not None and identifiers.find("LAchildID") is not None else NA
        add("ChildIdentifiers", ci, identifiers if identifiers is not None else child, n)
        child_id = ci["LAchildID"]
        characteristics = child.find("ChildCharacteristics")
        add("ChildCharacteristics", values(characteristics, X.ChildCharacteristics.columns, {"LAchildID": child_id}), characteristics if characteristics is not None else child, n)
        disabilities = characteristics.find("Disabilities") if characteristics is not None else None
        for disability in disabilities if disabilities is not None else []:
            add("Disabilities", {"LAchildID": child_id, "Disability": disability.text}, disability, n)
        details_id, cpp_id = 0, 0
        for detail in child.findall("CINdetails"):
            details_id += 1
            base = {"LAchildID": child_id, "CINdetailsID": details_id}
            add("CINdetails", values(detail, X.CINdetails.columns, base), detail, n)
            fd = (n, details_id)
            assessment_id = 0
            for assessment in detail.findall("Assessments"):
                assessment_id += 1
                abase = {**base, "AssessmentID": assessment_id}
                a = values(assessment, X.Assessments.columns, abase)
                factors = assessment.find("FactorsIdentifiedAtAssessment")
                if factors is not None and len(factors) != 0:
                    for factor in factors:
                        add("AssessmentFactorsList", {**abase, "AssessmentFactor": factor.text}, factor, (fd, assessment_id))
                    a["AssessmentFactors"] = [factor.text for factor in factors]
                add("Assessments", a, assessment, fd)
            for dates in detail.findall("CINPlanDates"):
                add("CINplanDates", values(dates, X.CINplanDates.columns, base), dates, fd)
            for s47 in detail.findall("Section47"):
                add("Section47", values(s47, X.Section47.columns, base), s47, fd)
            cpp_id = plans(detail, child_id, details_id, fd)
        # XMLtoCSV also reads plans and reviews placed directly under <Child> (older layouts), after the episodes.
        child_cpp = plans(child, child_id, details_id, ("child", n))
        reviews(child, child_id, details_id, child_cpp if child.findall("ChildProtectionPlans") else cpp_id, ("child reviews", n))

    tables = {"Header": pd.DataFrame.from_dict(rows["Header"])}
    for name in TABLES[1:]:
        columns = list(getattr(X, name).columns)
        df = pd.DataFrame(rows[name], columns=columns).astype(object) if rows[name] else pd.DataFrame(columns=columns)
        # XMLtoCSV concatenates one small frame per child (or episode, or plan). Where that frame has an integer ID
        # column its layout differs from the growing table's, pandas joins it column by column, and a column that is
        # all missing in the frame becomes NaN (elsewhere pd.NA and None stay): rules compare NaN and pd.NA differently.
        if len(df) and "CINdetailsID" in columns:
            groups = pd.factorize(pd.Series([repr(f) for f in frame[name]]))[0]
            for c in df.columns:
                missing = df[c].isna()
                if missing.any():
                    # pandas fills such a column with None when its first value is None (an empty element), else NaN.
                    whole = missing & missing.groupby(groups).transform("all")
                    first_none = df[c].map(lambda v: v is None).groupby(groups).transform("first")
                    df.loc[whole & ~first_none, c] = np.nan
                    df.loc[whole & first_none, c] = None
        tables[name] = df
    return tables, at


TABLES = [
    "Header", "ChildIdentifiers", "ChildCharacteristics", "ChildProtectionPlans", "CINdetails", "CINplanDates",
    "Reviews", "Section47", "Assessments", "AssessmentFactorsList", "Disabilities",
]


def collection_year_of(reference_date):
    """1 April to 31 March: a census referenced on 31 March 2024 is the 2023/24 collection (2024)."""
    y, m = int(reference_date[:4]), int(reference_date[5:7])
    return y if m < 4 else y + 1


def validate_cin(job):
    import copy

    from cin_validator import cin_validator

    root, lines = parse_with_lines(job["file"])
    raw, at = tables_like_xmltocsv(root, lines)
    reference = text(raw["Header"]["ReferenceDate"].iloc[0]) or ""
    collection_year = collection_year_of(reference)
    year, ruleset, registry = year_ruleset("cin_validator", "cin", collection_year)
    data = cin_validator.process_data(copy.deepcopy(raw))
    v = cin_validator.CinValidator(data, registry)
    findings = []
    issues = v.full_issue_df
    if len(issues):
        issues = issues[issues["tables_affected"].notna()]
        for (code, table, row), group in issues.groupby(["rule_code", "tables_affected", "row_id"], sort=False):
            row = int(row)
            df = raw[table]
            fields = [f for f in dict.fromkeys(group["columns_affected"]) if f in df.columns]
            findings.append(
                {
                    "rule": str(code),
                    "child": text(group["child_id"].iloc[0]) if "child_id" in group else None,
                    "table": table,
                    "row": row,
                    "file": job["file"],
                    "line": at[table][row] if row < len(at[table]) else None,
                    "fields": fields,
                    "values": [text(df.at[row, f]) for f in fields],
                }
            )
    for _, issue in v.multichild_issues.drop_duplicates().iterrows():
        # Return-level rules (the header, or the return as a whole) name no child.
        findings.append({"rule": str(issue["rule_code"]), "child": None, "table": None, "row": None, "file": job["file"], "line": None, "fields": [], "values": []})
    return {
        "return": "cin_census",
        "collectionYear": collection_year,
        "referenceDate": reference,
        "rulesYear": year,
        "ruleset": ruleset,
        "rules": rule_list(registry),
        "rulesFailed": [],
        "rows": {t: int(len(df)) for t, df in raw.items()},
        "findings": findings,
    }


def main():
    job = json.load(sys.stdin)
    out, sys.stdout = sys.stdout, sys.stderr  # the packages print as they go; only the result goes to stdout
    result = validate_903(job) if job["return"] == "ssda903" else validate_cin(job)
    json.dump(result, out)


if __name__ == "__main__":
    main()

"""Command line: ``python -m analysis <command>`` (see ``--help`` of each command).

The commands and their options are a contract that outside checks rely on; keep them stable.
User mistakes end in one line on stderr naming the file and what to do, exit status 2.
"""
from __future__ import annotations

import argparse
import gc
import json
import math
import os
import sys
import warnings
from pathlib import Path

from .textio import ArticleError

EPILOG = ("PATH is a file or a folder (every .txt, .md, .html, .pdf, .docx inside, recursively, "
          "and corpus files .csv, .jsonl, .parquet: one article per row).")


class UserError(Exception):
    """A mistake in how the command was called; printed as one line."""


def _add_run_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="worker processes (default: 1 for up to 16 articles, else one per core, "
                        "at most 4); with --engine dask, the workers of the local cluster")
    p.add_argument("--no-cache", action="store_true", help="parse again instead of reading data/interim")
    p.add_argument("--quiet", action="store_true", help="no progress bar")


def _add_corpus_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--text-column", metavar="NAME",
                   help="corpus files (.csv, .jsonl, .parquet): the column holding the article "
                        "text (default: the first of text, body, content, article...)")
    p.add_argument("--id-column", metavar="NAME",
                   help="corpus files: the column holding each article's id (default: "
                        "article_id or id when present, else <file>_<row number>)")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``python -m analysis``."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Source-reliability toolkit: sourcing evidence, scores and charts for news articles.",
        epilog=EPILOG,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("evidence", help="print evidence spans (quotes, sources, hedges...)",
                       description="Print every evidence span with character offsets into the "
                                   "decoded file text, one JSON object per line (or CSV).",
                       epilog=EPILOG)
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    p.add_argument("--strict", action="store_true", help="exit 1 if any file could not be analysed")
    _add_run_options(p)
    _add_corpus_options(p)

    p = sub.add_parser("score", help="one row of sourcing scores per article",
                       description="Score every article: one row per input file (errors included).",
                       epilog=EPILOG)
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--out", type=Path, help="CSV file to write (default: print CSV to stdout)")
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local: processes on this machine (default); dask: a Dask cluster, "
                        "the one at --scheduler or else a local one of --jobs worker processes")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="address of a running Dask scheduler, e.g. tcp://host:8786 "
                        "(with --engine dask; the workers need this package and the model)")
    p.add_argument("--strict", action="store_true", help="exit 1 if any file could not be analysed")
    _add_run_options(p)
    _add_corpus_options(p)

    p = sub.add_parser("compare", help="compare the coverage of a story across articles",
                       description="Group the articles into stories and compare each story's "
                                   "articles: shared quotes, shared sources, the same claim "
                                   "and how each article backs it, reuse (docs/compare.md).",
                       epilog=EPILOG)
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--out", type=Path, required=True, metavar="DIR",
                   help="folder for the CSV tables and figures/")
    p.add_argument("--story", metavar="NAME",
                   help="compare all the articles as one story of this name (default: the "
                        "manifest's story column, else content similarity)")
    p.add_argument("--no-figures", action="store_true", help="write the tables only")
    p.add_argument("--strict", action="store_true", help="exit 1 if any file could not be analysed")
    _add_run_options(p)

    p = sub.add_parser("highlight", help="write a standalone HTML page of one article's evidence",
                       description="Write the article with its evidence highlighted and explained on hover.")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--out", type=Path, required=True, metavar="PAGE.html")
    p.add_argument("--article", default=None, metavar="ID",
                   help="the article to show, when FILE holds several (an archive export or a "
                        "corpus CSV): its article_id")

    p = sub.add_parser("report", help="the main job: scores, notebooks and charts",
                       description="Score every article in DIR, execute the notebooks on it and "
                                   "export the scorecard, charts and executed notebooks.")
    p.add_argument("--data", type=Path, default=None, help="article folder (default: data/raw)")
    p.add_argument("--out", type=Path, default=None, help="output folder (default: reports)")
    p.add_argument("--strict", action="store_true", help="exit 1 if any file could not be analysed")
    _add_run_options(p)

    p = sub.add_parser("evaluate", help="measure accuracy against hand annotations",
                       description="Measure the extractor against hand-annotated data.")
    ev = p.add_subparsers(dest="dataset", required=True, metavar="DATASET")
    q = ev.add_parser("polnear", help="quotes, speakers and sources against PolNeAR")
    q.add_argument("dir", type=Path, metavar="DIR", help="PolNeAR data folder (holding train/, dev/)")
    q.add_argument("--split", default="dev")
    _add_run_options(q)
    pr = ev.add_parser("profile", help="typed and counted sources against lists of sourced "
                                       "statements (Markkula benchmark format)")
    pr.add_argument("articles", type=Path, metavar="ARTICLES", help="folder of ID.txt articles")
    pr.add_argument("gold", type=Path, metavar="GOLD", help="folder of ID.csv gold tables")
    pr.add_argument("--per-article", action="store_true",
                    help="first print one line of counts per article")
    _add_run_options(pr)
    h = ev.add_parser("hedges", help="hedge cues against a Szeged Uncertainty Corpus XML file")
    h.add_argument("xml", type=Path, metavar="FILE.xml")
    _add_run_options(h)
    g = ev.add_parser("genlook", help="machine-look score: AUC on a labelled CSV of texts",
                      description="Score every text of a labelled CSV file (human or machine) "
                                  "and print the AUC of generated_look_score overall and per "
                                  "generator (column 'generator', if present).")
    g.add_argument("file", type=Path, metavar="FILE.csv")
    g.add_argument("--text-column", default="text")
    g.add_argument("--label-column", default="label",
                   help="human/machine (or 0/1) per row (default: label)")
    g.add_argument("--generator-column", default="generator")
    g.add_argument("--json", action="store_true", help="print JSON lines instead of a table")
    _add_run_options(g)

    p = sub.add_parser("learn-sources", help="relearn the source table from PolNeAR",
                       description="Fit the source candidates' weights and threshold "
                                   "(lexicons/source_cues.tsv) on a PolNeAR split.")
    p.add_argument("dir", type=Path, metavar="DIR", help="PolNeAR data folder (holding train/, dev/)")
    p.add_argument("--split", default="train")
    p.add_argument("--folds", type=int, default=5, help="cross-validation folds (default 5)")
    p.add_argument("--l2", type=float, default=5.0, help="L2 penalty (default 5.0)")
    p.add_argument("--out", type=Path, default=None,
                   help="table to write (default: the package's lexicons/source_cues.tsv)")
    p.add_argument("--no-cache", action="store_true", help="do not read or write cached parses")
    p.add_argument("--quiet", action="store_true", help="no progress bar")

    p = sub.add_parser("learn-genlook", help="relearn the machine-look table",
                       description="Fit the machine-look signals' scales and weights "
                                   "(lexicons/genlook_weights.tsv) on the student/ChatGPT "
                                   "essays and the human/machine news texts, and print "
                                   "their cross-validated AUCs.")
    p.add_argument("essays", type=Path, metavar="ESSAYS", help="essays.csv (Herbold et al. 2023)")
    p.add_argument("news", type=Path, metavar="NEWS", help="news_genlook.csv (labelled news texts)")
    p.add_argument("--folds", type=int, default=5, help="cross-validation folds (default 5)")
    p.add_argument("--l2", type=float, default=1.0, help="L2 penalty (default 1.0)")
    p.add_argument("--out", type=Path, default=None,
                   help="table to write (default: the package's lexicons/genlook_weights.tsv)")
    _add_run_options(p)

    for name, what, source, metavar, folder in TABLE_COMMANDS:
        p = sub.add_parser(name, help=f"rebuild {what}",
                           description=f"Write {what} ({source}).")
        p.add_argument("dir", type=Path, metavar=metavar, help=folder)
        p.add_argument("--out", type=Path, default=None,
                       help="folder to write in (default: the package's lexicons/)")
        if name == "first-names":
            p.add_argument("--world", type=Path, default=None, metavar="FILE",
                           help="name_data.json of the PyPI package nomquamgender: the "
                           "names the Census files lack (needs dist.all.last in DIR too)")
    return parser


#: The commands that rebuild a table of lexicons/ from its source files:
#: (command, what it writes, from what, the folder argument's name and help).
TABLE_COMMANDS = [
    ("wordnet-classes", "the WordNet class tables lexicons/wordnet_nouns.tsv and "
     "wordnet_verbs.tsv", "from the WordNet 3.0 database files", "DICT_DIR",
     "WordNet 3.0 'dict' folder (lexnames, index.noun, data.noun, ...)"),
    ("first-names", "the first-name gender table lexicons/first_names.tsv",
     "from the 1990 US Census first-name files", "DIR",
     "folder holding dist.female.first and dist.male.first (and dist.all.last)"),
]


def _jobs(args, n_hint: int | None = None) -> int:
    """``--jobs``, else :func:`analysis.pipeline.default_jobs` for ``n_hint`` articles."""
    from .pipeline import default_jobs

    if args.jobs is not None:
        if args.jobs < 1:
            raise UserError("--jobs must be 1 or more")
        return args.jobs
    return default_jobs(n_hint)


def _clean(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _load(paths: list[Path], args=None):
    """The articles at ``paths`` (corpus columns from ``args``); a warning on stderr when
    there are none."""
    from .articles import load_articles

    articles = load_articles(list(paths), with_readability=False,
                             text_column=getattr(args, "text_column", None),
                             id_column=getattr(args, "id_column", None))
    _warn_if_empty(articles, paths)
    return articles


def _warn_if_empty(articles, paths: list[Path]) -> None:
    """A warning on stderr when no article was found at ``paths``."""
    if articles.empty:
        print(f"warning: no article files found in {', '.join(str(p) for p in paths)} "
              "(looked for .txt, .md, .html, .htm, .pdf, .docx, .csv, .jsonl and .parquet "
              "files)", file=sys.stderr)


def cmd_evidence(args) -> int:
    from .extract import EVIDENCE_COLUMNS
    from .pipeline import run

    statuses = []
    if args.format == "csv":
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=EVIDENCE_COLUMNS, extrasaction="ignore")
        writer.writeheader()
    jobs = None if args.jobs is None else _jobs(args)
    # Given the paths, the local workers start (and load the model) while the files are read.
    with run(list(args.paths), jobs=jobs, cache=not args.no_cache, progress=not args.quiet,
             text_column=getattr(args, "text_column", None),
             id_column=getattr(args, "id_column", None)) as (articles, results):
        _warn_if_empty(articles, args.paths)
        for result in results:
            statuses.append({k: result[k] for k in ("article_id", "status", "error")})
            for rec in result["evidence"]:
                if args.format == "csv":
                    writer.writerow(rec)
                else:
                    sys.stdout.write(json.dumps({k: _clean(v) for k, v in rec.items()},
                                                ensure_ascii=False) + "\n")
    return _finish(statuses, articles, args.strict)


def _finish(results, articles, strict: bool) -> int:
    """Print the one-line error summary on stderr (if any file could not be analysed) and
    return the exit status: 0 when the run completed, 1 with ``--strict`` and an error.

    ``results`` has ``article_id``, ``status``, ``error`` per article (records or a frame);
    ``articles`` (from ``load_articles``) gives each id its file name and the problems found
    loading it. An article that loaded and still failed failed in the analysis.
    """
    import pandas as pd

    from .articles import problem_summary
    from .pipeline import ANALYSIS_FAILED
    from .problems import error

    frame = pd.DataFrame(results, columns=["article_id", "status", "error"])
    frame = frame.merge(articles[["article_id", "path", "problems"]], on="article_id",
                        how="left")
    frame["problems"] = [
        found if status == "ok" or any(p.kind == "error" for p in found)
        else [*found, error(message, ANALYSIS_FAILED)]
        for found, status, message in zip(
            frame["problems"].map(lambda p: p if isinstance(p, list) else []),
            frame["status"], frame["error"])]
    line = problem_summary(frame, "error")
    if line:
        print(line, file=sys.stderr)
    return 1 if strict and line else 0


def cmd_score(args) -> int:
    from .api import scores_of
    from .pipeline import run

    if args.scheduler and args.engine != "dask":
        raise UserError("--scheduler goes with --engine dask")
    jobs = None if args.jobs is None else _jobs(args)
    # Given the paths, the local workers start (and load the model) while the files are read.
    with run(list(args.paths), jobs=jobs, cache=not args.no_cache, progress=not args.quiet,
             engine=args.engine, scheduler=args.scheduler, readability=True,
             text_column=getattr(args, "text_column", None),
             id_column=getattr(args, "id_column", None)) as (articles, results):
        _warn_if_empty(articles, args.paths)
        scores = scores_of(articles, results)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        scores.to_csv(args.out, index=False)
    else:
        scores.to_csv(sys.stdout, index=False)
    return _finish(scores[["article_id", "status", "error"]], articles, args.strict)


def cmd_compare(args) -> int:
    from .compare import compare_articles, write_comparison

    articles = _load(args.paths)
    comparison = compare_articles(articles, story=args.story, jobs=_jobs(args, len(articles)),
                                  cache=not args.no_cache, progress=not args.quiet)
    write_comparison(comparison, args.out, figures=not args.no_figures)
    print(f"comparison written to {args.out}", file=sys.stderr)
    return _finish(comparison.failed.assign(status="error"), articles, args.strict)


def cmd_highlight(args) -> int:
    from .highlight import ArticleChoiceError, write_highlight_page

    if not args.file.is_file():
        raise UserError(f"{args.file}: no such file; give one article file")
    try:
        write_highlight_page(args.file, args.out, article_id=args.article)
    except ArticleChoiceError as error:  # several articles and no --article, or an unknown one
        raise UserError(f"{error} with --article ID") from None
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


def cmd_report(args) -> int:
    from .report import run_report

    out = run_report(data_dir=args.data, out_dir=args.out, jobs=args.jobs,
                     cache=not args.no_cache, progress=not args.quiet)
    print(f"report written to {out}", file=sys.stderr)
    scores = Path(out) / "scores.csv"
    if not scores.is_file():
        return 0
    import pandas as pd

    from .articles import load_articles
    from .paths import RAW_DIR

    frame = pd.read_csv(scores, dtype=str, keep_default_na=False)
    # the articles again (a quick read, no parse), for what loading each one found
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = load_articles(args.data or RAW_DIR, with_readability=False)
    return _finish(frame.reindex(columns=["article_id", "status", "error"], fill_value=""),
                   articles, args.strict)


def cmd_evaluate(args) -> int:
    if args.dataset == "polnear":
        from .evaluate.polnear import evaluate_polnear

        if not (args.dir / args.split / "text").is_dir():
            raise UserError(f"{args.dir}: no {args.split}/text folder; give PolNeAR's data folder "
                            "(the one holding train/ and dev/)")
        metrics = evaluate_polnear(args.dir, split=args.split, jobs=_jobs(args),
                                   cache=not args.no_cache, progress=not args.quiet)
    elif args.dataset == "genlook":
        return _evaluate_genlook(args)
    elif args.dataset == "profile":
        from .evaluate.profile import evaluate_profile

        for folder in (args.articles, args.gold):
            if not folder.is_dir():
                raise UserError(f"{folder}: no such folder; give the articles folder and the "
                                "gold folder of the benchmark")
        metrics, per_article = evaluate_profile(args.articles, args.gold, jobs=_jobs(args),
                                                cache=not args.no_cache, progress=not args.quiet)
        for row in per_article if args.per_article else []:
            print(json.dumps(row))
    else:
        from .evaluate.hedges import evaluate_hedges

        if not args.xml.is_file():
            raise UserError(f"{args.xml}: no such file; give a Szeged Uncertainty Corpus XML file")
        metrics = evaluate_hedges(args.xml, jobs=_jobs(args), cache=not args.no_cache,
                                  progress=not args.quiet)
    print(json.dumps(metrics))
    return 0


def _print_aucs(aucs, as_json: bool) -> None:
    """AUC rows as an aligned table (or JSON lines) on stdout."""
    if as_json:
        for row in aucs.to_dict("records"):
            sys.stdout.write(json.dumps({k: _clean(v) for k, v in row.items()}) + "\n")
    else:
        sys.stdout.write(aucs.to_string(index=False, na_rep="(too few)") + "\n")


def _evaluate_genlook(args) -> int:
    from .evaluate.genlook import evaluate_genlook
    from .evaluate.genlook_data import LabelledDataError

    try:
        aucs = evaluate_genlook(args.file, args.text_column, args.label_column,
                                args.generator_column, jobs=_jobs(args), cache=not args.no_cache,
                                progress=not args.quiet)
    except LabelledDataError as exc:
        raise UserError(str(exc)) from None
    _print_aucs(aucs, args.json)
    return 0


def cmd_learn_genlook(args) -> int:
    from .evaluate.genlook import learn_genlook
    from .evaluate.genlook_data import LabelledDataError
    from .framing.look import table_path

    if args.folds < 2:
        raise UserError("--folds must be 2 or more")
    try:
        summary, aucs, single = learn_genlook(args.essays, args.news, args.out or table_path(),
                                      folds=args.folds, l2=args.l2, jobs=_jobs(args),
                                      cache=not args.no_cache, progress=not args.quiet)
    except LabelledDataError as exc:
        raise UserError(str(exc)) from None
    print(json.dumps(summary), file=sys.stderr)
    print("cross-validated AUC (held-out folds; auc_unseen_generator: learned without "
          "that generator's texts):", file=sys.stderr)
    _print_aucs(aucs, False)
    print("\neach signal's raw measure alone (AUC, no learning):", file=sys.stderr)
    sys.stdout.write(single.round(2).to_string() + "\n")
    return 0


def cmd_learn_sources(args) -> int:
    from .evaluate.learn_sources import learn_sources
    from .extract.sources import TABLE
    from .paths import LEXICON_DIR

    if not (args.dir / args.split / "attributions").is_dir():
        raise UserError(f"{args.dir}: no {args.split}/attributions folder; give PolNeAR's data "
                        "folder (the one holding train/ and dev/)")
    if args.folds < 2:
        raise UserError("--folds must be 2 or more")
    out = args.out or LEXICON_DIR / f"{TABLE}.tsv"
    summary = learn_sources(args.dir, out, split=args.split, folds=args.folds, l2=args.l2,
                            cache=not args.no_cache, progress=not args.quiet)
    print(json.dumps(summary))
    return 0


def _rebuild_table(args, write, error: type[Exception]) -> int:
    """Run ``write(args.dir, out folder)``, a builder of shipped lexicon tables, into
    ``args.out`` (default: the package's ``lexicons/``); ``error`` is the builder's error
    for source files it cannot read, shown as a usage error."""
    from .paths import LEXICON_DIR

    out = args.out or LEXICON_DIR
    if not out.is_dir():
        raise UserError(f"{out}: no such folder")
    try:
        counts = write(args.dir, out)
    except error as exc:
        raise UserError(str(exc)) from None
    print(json.dumps({"out": str(out), **counts}))
    return 0


def cmd_wordnet_classes(args) -> int:
    from .wordnet import WordNetError, write_tables

    return _rebuild_table(args, write_tables, WordNetError)


def cmd_first_names(args) -> int:
    from .names import NamesError, write_table

    return _rebuild_table(args, lambda folder, out: write_table(folder, out, args.world),
                          NamesError)


COMMANDS = {"evidence": cmd_evidence, "score": cmd_score, "compare": cmd_compare,
            "highlight": cmd_highlight,
            "report": cmd_report, "evaluate": cmd_evaluate, "learn-sources": cmd_learn_sources,
            "learn-genlook": cmd_learn_genlook,
            "wordnet-classes": cmd_wordnet_classes, "first-names": cmd_first_names}


def _format_warning(message, category, filename, lineno, line=None) -> str:
    """Warnings on the command line: one line each, ``warning: <message>``."""
    return f"warning: {' '.join(str(message).split())}\n"


#: Commands that analyse articles: they import the pipeline (spaCy, pandas) first thing.
ANALYSING = frozenset({"evidence", "score", "compare", "highlight", "report", "evaluate"})


#: Thread counts set for numpy's BLAS in a process of this command line, unless the
#: environment sets them already (read by the BLAS library when numpy is first imported).
BLAS_THREADS = {"OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def run() -> int:
    """The process's entry (``python -m analysis``, ``news-sourcing``): :func:`main` as the
    process's own (``settle``), whose exit status it returns after :func:`gc.freeze`: what
    is still alive (the model, the lexicons, the results) is freed by the exit, so the
    collector's last passes need not walk it first (docs/performance.md).

    Before anything imports numpy, its BLAS is set to one thread (:data:`BLAS_THREADS`):
    the model multiplies small matrices, and OpenBLAS's own threads, one per core, made the
    parse about a tenth slower and competed with the workers for the cores. The parse is
    the same. The workers and the notebooks of ``report`` inherit the setting."""
    for name, value in BLAS_THREADS.items():
        os.environ.setdefault(name, value)
    status = main(settle=True)
    gc.freeze()
    return status


def main(argv: list[str] | None = None, settle: bool = False) -> int:
    """Entry point; returns the exit status. ``settle`` (a process of its own, not a caller's
    interpreter): an analysing command imports the pipeline first and freezes what the
    imports made out of the garbage collector, whose full passes would otherwise walk those
    modules' objects again and again during the run."""
    args = build_parser().parse_args(argv)
    if settle and args.command in ANALYSING:
        from . import api, pipeline  # noqa: F401  (what the command imports anyway)

        gc.freeze()
    warnings.simplefilter("default")
    warnings.formatwarning = _format_warning
    try:
        return COMMANDS[args.command](args)
    except (UserError, ArticleError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into a reader that stopped early (`| head`)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:
        from .nlp import ModelNotFound

        if isinstance(exc, ModelNotFound):
            print(f"error: {exc}", file=sys.stderr)
            return 2
        raise

"""``dateline eval TASK``: the project's own evaluation on shared/eval's development sets."""

from __future__ import annotations

import json

import click

from ..evaluation import TASK_STAGES, evaluate


@click.command("eval")
@click.argument("task", type=click.Choice(sorted(TASK_STAGES)))
@click.argument("gold", required=False, type=click.Path(exists=True))
@click.option("--shared", type=click.Path(exists=True, file_okay=False), help="The shared folder (default ../shared).")
@click.option("--limit", type=int, help="Only the first N gold documents (quick looks; figures then undercount).")
@click.option("--pred-out", type=click.Path(dir_okay=False), help="Keep the predictions in this JSONL file.")
def eval_group(task: str, gold: str | None, shared: str | None, limit: int | None, pred_out: str | None) -> None:
    """Run dateline on a gold set (default: TASK's dev set) and print score.py's figures.

    \b
    dateline eval extract            # ../shared/eval/extract/pages
    dateline eval geo                # ../shared/eval/geo/gwn.jsonl
    dateline eval geo ../shared/eval/geo/trnews.jsonl
    dateline eval time               # ../shared/eval/time/timebank.jsonl
    dateline eval events             # ../shared/eval/events/case2021_dev.tsv
    dateline eval news               # ../shared/eval/events/news_dev.jsonl (whole articles)
    dateline eval acled              # ../shared/eval/events/acled_notes_dev.jsonl (score_acled.py)
    dateline eval states             # tests/states/gold (place states as of dates; own scorer)
    """
    figures = evaluate(task, gold, shared=shared, limit=limit, pred_out=pred_out)
    click.echo(json.dumps(figures))

"""Who acts: the people, states and groups put as grammatical subject or agent, and their verbs."""
from __future__ import annotations

import pandas as pd

ACTOR_TABLE_COLUMNS = ["genre", "actor", "role", "mentions", "articles", "verbs"]


def display_name(actor: str) -> str:
    """Title-case an actor's canonical (lower-case) name for charts: "united states" -> "United States"."""
    return " ".join(w if any(c.isupper() for c in w) else w[:1].upper() + w[1:] for w in actor.split())


def actor_table(actors: pd.DataFrame, genres: pd.Series | dict, top: int = 8,
                role: str | None = "agent") -> pd.DataFrame:
    """The ``top`` actors of each genre by mentions (as ``role``; None for any role), with the
    number of articles and their most frequent verbs ("deny ×3, offer ×2")."""
    if actors.empty:
        return pd.DataFrame(columns=ACTOR_TABLE_COLUMNS)
    data = actors.assign(genre=actors["article_id"].map(dict(genres)))
    if role:
        data = data.loc[data["role"] == role]

    def verbs(v: pd.Series) -> str:
        return ", ".join(f"{verb} ×{n}" if n > 1 else verb for verb, n in v.value_counts().head(4).items())

    return (data.groupby(["genre", "actor"], sort=False)
            .agg(mentions=("verb", "size"), articles=("article_id", "nunique"), verbs=("verb", verbs))
            .reset_index()
            .assign(role=role or "any", actor=lambda d: d["actor"].map(display_name))
            .sort_values(["genre", "mentions", "actor"], ascending=[True, False, True])
            .groupby("genre", sort=True).head(top)
            .reindex(columns=ACTOR_TABLE_COLUMNS)
            .reset_index(drop=True))

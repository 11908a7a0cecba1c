"""The best one-to-one pairing of two lists by score: a maximum-weight bipartite matching.

scipy's `linear_sum_assignment` solves this, but scipy would add about 140 MB to the install; the
matrices here are small (claims of two articles, cut further into groups that share any candidate
pair), so the Hungarian method in plain Python serves.
"""

from __future__ import annotations

from collections.abc import Sequence


def best_pairs(scores: Sequence[Sequence[float]], threshold: float) -> list[tuple[int, int]]:
    """(row, column) pairs, each row and column at most once, scoring at least `threshold` each, whose total
    score is the highest possible; sorted by row."""
    candidates = [(i, j) for i, row in enumerate(scores) for j, score in enumerate(row) if score >= threshold]
    pairs = []
    for rows, columns in _groups(candidates):
        weights = [[scores[i][j] if scores[i][j] >= threshold else 0.0 for j in columns] for i in rows]
        pairs.extend((rows[r], columns[c]) for r, c in _max_weight_assignment(weights)
                     if scores[rows[r]][columns[c]] >= threshold)
    return sorted(pairs)


def _groups(candidates: list[tuple[int, int]]) -> list[tuple[list[int], list[int]]]:
    """The rows and columns of each connected group of candidate pairs."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(node: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for i, j in candidates:
        parent[root(("row", i))] = root(("column", j))
    groups: dict[tuple[str, int], tuple[set[int], set[int]]] = {}
    for i, j in candidates:
        rows, columns = groups.setdefault(root(("row", i)), (set(), set()))
        rows.add(i)
        columns.add(j)
    return [(sorted(rows), sorted(columns)) for rows, columns in groups.values()]


def _max_weight_assignment(weights: list[list[float]]) -> list[tuple[int, int]]:
    """Row-column pairs of the largest total weight (weights >= 0), every row of the shorter side paired."""
    if len(weights) > len(weights[0]):
        transposed = [list(column) for column in zip(*weights)]
        return [(i, j) for j, i in _max_weight_assignment(transposed)]
    top = max(max(row) for row in weights)
    return _min_cost_assignment([[top - weight for weight in row] for row in weights])


def _min_cost_assignment(cost: list[list[float]]) -> list[tuple[int, int]]:
    """Hungarian method with potentials (rows <= columns): each row to a distinct column, least total cost."""
    rows, columns = len(cost), len(cost[0])
    infinity = float("inf")
    row_potential = [0.0] * (rows + 1)
    column_potential = [0.0] * (columns + 1)
    row_of_column = [0] * (columns + 1)  # 1-based row assigned to each column; 0 = none
    previous = [0] * (columns + 1)
    for row in range(1, rows + 1):
        row_of_column[0] = row
        column = 0
        least = [infinity] * (columns + 1)
        used = [False] * (columns + 1)
        while row_of_column[column] != 0:
            used[column] = True
            current_row, delta, next_column = row_of_column[column], infinity, 0
            for j in range(1, columns + 1):
                if used[j]:
                    continue
                reduced = cost[current_row - 1][j - 1] - row_potential[current_row] - column_potential[j]
                if reduced < least[j]:
                    least[j], previous[j] = reduced, column
                if least[j] < delta:
                    delta, next_column = least[j], j
            for j in range(columns + 1):
                if used[j]:
                    row_potential[row_of_column[j]] += delta
                    column_potential[j] -= delta
                else:
                    least[j] -= delta
            column = next_column
        while column:
            row_of_column[column] = row_of_column[previous[column]]
            column = previous[column]
    return [(row_of_column[j] - 1, j - 1) for j in range(1, columns + 1) if row_of_column[j]]

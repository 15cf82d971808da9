//! `w:tbl` → a table block.
//!
//! Cells carry `gridSpan` (→ `col_span`) and `vMerge` (`restart` opens a vertical merge,
//! a bare `vMerge` continues it). Continued cells are dropped and the opening cell gets the
//! `row_span`, as in an HTML table. A nested table is flattened into the text of the cell that
//! holds it (cells joined by tabs, rows by newlines), so the outer grid stays intact.

use crate::model::{Block, BlockKind, Cell, Table};

/// The vertical-merge state of a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VMerge {
    Restart,
    Continue,
}

/// A cell being read.
#[derive(Debug, Clone, Default)]
pub(crate) struct CellBuild {
    pub(crate) paras: Vec<String>,
    pub(crate) span: u32,
    pub(crate) vmerge: Option<VMerge>,
}

/// A table being read.
#[derive(Debug, Default)]
pub(crate) struct TableBuild {
    pub(crate) rows: Vec<(u32, Vec<CellBuild>)>,
    /// `gridBefore` of the row being read.
    pub(crate) grid_before: u32,
    /// Tables nested in this one, finished, in document order.
    pub(crate) nested: Vec<Block>,
}

impl TableBuild {
    pub(crate) fn start_row(&mut self) {
        self.grid_before = 0;
        self.rows.push((0, Vec::new()));
    }

    pub(crate) fn set_grid_before(&mut self, n: u32) {
        if let Some(row) = self.rows.last_mut() {
            row.0 = n;
        }
    }

    pub(crate) fn start_cell(&mut self) {
        if self.rows.is_empty() {
            self.start_row();
        }
        if let Some(row) = self.rows.last_mut() {
            row.1.push(CellBuild {
                span: 1,
                ..CellBuild::default()
            });
        }
    }

    pub(crate) fn cell(&mut self) -> Option<&mut CellBuild> {
        self.rows.last_mut().and_then(|r| r.1.last_mut())
    }

    /// Resolve merges into a [`Table`].
    pub(crate) fn finish(self) -> Table {
        // Grid column of every cell, so vertical merges match by column, not by index.
        let placed: Vec<Vec<(u32, CellBuild)>> = self
            .rows
            .into_iter()
            .map(|(before, cells)| {
                let mut col = before;
                cells
                    .into_iter()
                    .map(|c| {
                        let at = col;
                        col = col.saturating_add(c.span.max(1));
                        (at, c)
                    })
                    .collect()
            })
            .collect();
        let mut rows: Vec<Vec<Cell>> = Vec::with_capacity(placed.len());
        for (r, row) in placed.iter().enumerate() {
            let mut out = Vec::new();
            for (col, c) in row {
                if c.vmerge == Some(VMerge::Continue) {
                    continue;
                }
                let mut row_span = 1u32;
                if c.vmerge == Some(VMerge::Restart) {
                    for below in placed.iter().skip(r + 1) {
                        let continues = below
                            .iter()
                            .any(|(bc, b)| bc == col && b.vmerge == Some(VMerge::Continue));
                        if !continues {
                            break;
                        }
                        row_span += 1;
                    }
                }
                out.push(Cell {
                    text: c.paras.join("\n"),
                    col_span: c.span.max(1),
                    row_span,
                });
            }
            rows.push(out);
        }
        Table {
            rows,
            caption: None,
        }
    }
}

/// The text of a table: cells joined by tabs, rows by newlines.
pub(crate) fn table_text(t: &Table) -> String {
    t.rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| c.text.replace('\n', " "))
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A table block.
pub(crate) fn table_block(t: Table) -> Block {
    let mut b = Block::new(BlockKind::Table, table_text(&t));
    b.table = Some(t);
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(t: &str, span: u32, vm: Option<VMerge>) -> CellBuild {
        CellBuild {
            paras: vec![t.to_string()],
            span,
            vmerge: vm,
        }
    }

    #[test]
    fn merges() {
        let mut t = TableBuild::default();
        t.rows.push((
            0,
            vec![cell("a", 2, None), cell("b", 1, Some(VMerge::Restart))],
        ));
        t.rows.push((
            0,
            vec![
                cell("c", 1, None),
                cell("d", 1, None),
                cell("", 1, Some(VMerge::Continue)),
            ],
        ));
        t.rows.push((0, vec![cell("e", 3, None)]));
        let got = t.finish();
        let dims = crate::testutil::table_shape(&got);
        assert_eq!(
            dims,
            vec![
                vec![("a", 2, 1), ("b", 1, 2)],
                vec![("c", 1, 1), ("d", 1, 1)],
                vec![("e", 3, 1)]
            ]
        );
        assert_eq!(table_text(&got), "a\tb\nc\td\ne");
    }
}

// BriefBuiltIn: the files built into the binary, so that a copied `brief` needs nothing beside it —
// the default theme (`Templates/`), the company gazetteer (`Gazetteer.yml` here) and the sample
// briefing for `brief init` (`Content/`). The EmbedTheme plugin generates `EmbeddedFiles` from them
// at build time; the files stay the single source of truth. Depends on nothing.
//
// Names in `EmbeddedFiles.files`: `theme/<path in Templates>`, `sample/<path in Content>`,
// `data/Gazetteer.yml`.

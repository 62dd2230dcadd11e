"""Tables drawn without rules, read from the text of a page: found from their header line
(`header`), cut into columns by the white rivers of the body (`columns`) and into rows by what
the page shows (`rows`); `tables` puts them together."""

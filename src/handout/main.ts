// Handout page entry: filled in by the presenter work (issue 5).

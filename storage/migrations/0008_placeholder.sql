-- Placeholder: number 0008 is left to a branch developed in parallel (contiguous numbers
-- are required). Delete this file (in both dialects) when that branch's 0008 is merged.
SELECT 1;

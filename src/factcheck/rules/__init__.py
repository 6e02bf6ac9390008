"""Rules: YAML rules loaded and checked, evaluated over the claim graph into findings.

Also the conflict operators, inline suppressions and the rules' own test cases.
"""

"""The working papers: 督导任务单 and 整改通知书, their content and their PDF."""

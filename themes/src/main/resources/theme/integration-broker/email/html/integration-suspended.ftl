<#ftl output_format="HTML">
<html lang="en">
<body>
<p>Hello ${ownerName},</p>
<p>the integration <strong>${clientId}</strong> in realm ${realmName} was suspended on ${suspendedDate} because
${reasonText} (<code>${reason}</code>). It gets no more tokens, and the tokens it held are no longer accepted.</p>
<p>Purpose: ${purpose}<br>Review date: ${reviewDate}</p>
<p>How to restore it: ${restoreText}</p>
</body>
</html>

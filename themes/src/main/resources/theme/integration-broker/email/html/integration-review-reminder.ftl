<#ftl output_format="HTML">
<html lang="en">
<body>
<p>Hello ${ownerName},</p>
<p>the integration <strong>${clientId}</strong> in realm ${realmName} is due for review on <strong>${reviewDate}</strong>.</p>
<p>Purpose: ${purpose}</p>
<p>You are named as an owner of this integration. Please review whether it is still needed, who owns it and what it
may access, and ask an administrator to attest the review before ${reviewDate}. If the review lapses, the integration
stops getting tokens and is suspended.</p>
</body>
</html>
